import type { Application } from '../applications/application';
import type { Agency } from '../providers/registry';
import { appealInDistrict } from './appeal';
import type { ChannelName } from './channels';
import type { Notification } from './outbox';
import { recipient } from './recipients';
import { renderNotification, type Message, type MessageFacts } from './templates';

/** Why a notification cannot be sent at all: retrying would not help, so it is marked failed at once. */
export type Undeliverable = 'unknown-template' | 'missing-facts' | 'no-application' | 'no-contact';

export interface Composed {
  channel: ChannelName;
  /** The number or address: read from the application now, handed to the channel, never stored or logged. */
  to: string;
  message: Message;
}

export interface CompositionInput {
  notification: Notification;
  application: Application | undefined;
  /** provider-matched: the agency named by the notification, from the registry. */
  agency?: Pick<Agency, 'name' | 'phone'>;
  /** The case managers' team address, `{district}` standing for the district code. */
  caseManagersEmail: string;
}

/** The message and its recipient, or why there can be none. Pure: the sender reads what it needs first. */
export function composeNotification(input: CompositionInput): Composed | { problem: Undeliverable } {
  const { notification, application } = input;
  if (!application) return { problem: 'no-application' };
  const facts: MessageFacts = {
    receiptNumber: application.receiptNumber,
    ...(notification.reasons ? { reasons: notification.reasons } : {}),
    ...(notification.toCitizen ? { toCitizen: notification.toCitizen } : {}),
    ...(notification.missing ? { missing: notification.missing } : {}),
    ...(input.agency ? { provider: { name: input.agency.name, phone: input.agency.phone } } : {}),
    ...(notification.template === 'application-rejected' ? { appeal: appealInDistrict(application.district, notification.createdAt) } : {}),
  };
  const rendered = renderNotification(notification.template, facts);
  if ('problem' in rendered) return rendered;
  if (notification.audience === 'case-managers') {
    return { channel: 'email', to: input.caseManagersEmail.replaceAll('{district}', application.district), message: rendered.message };
  }
  const to = recipient(notification, application);
  return to ? { ...to, message: rendered.message } : { problem: 'no-contact' };
}
