/**
 * The port every delivery channel implements: SMS and e-mail through SNS and SES in AWS
 * (aws-channels.ts), a mailbox in the local cloud (infra/local/mailbox.ts). A channel sends one
 * message and answers the provider's message id, or throws; the sender decides about retries.
 */
export type ChannelName = 'sms' | 'email';

export interface OutgoingMessage {
  /** A mobile number (010-1234-5678) for SMS, an address for e-mail. Never logged. */
  to: string;
  subject: string;
  text: string;
}

export interface Channel {
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}

export type Channels = Record<ChannelName, Channel>;

let installed: Channels | undefined;

/**
 * Puts other channels in place of SNS and SES: the local cloud's mailbox, or a test's. Handlers
 * never import infra/, so the local cloud installs its mailbox here before any notification is sent.
 */
export function installChannels(channels: Channels | undefined): void {
  installed = channels;
}

export async function deliveryChannels(): Promise<Channels> {
  // Loaded only when nothing was installed, so the local cloud never builds SNS and SES clients.
  installed ??= (await import('./aws-channels')).awsChannels();
  return installed;
}
