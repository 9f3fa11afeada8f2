import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { env } from '../commons/env';
import { traced } from '../commons/tracing';
import type { Channels } from './channels';

/**
 * SMS through SNS (direct publish to a phone number) and e-mail through SES, for AWS. The clients
 * live here rather than in commons/clients.ts so that no other function's bundle carries them.
 */
let sns: SNSClient | undefined;
let ses: SESv2Client | undefined;

/** 010-1234-5678 → +821012345678: SNS wants E.164. */
export function e164(mobile: string): string {
  const digits = mobile.replace(/\D/g, '');
  return `+82${digits.startsWith('0') ? digits.slice(1) : digits}`;
}

export function awsChannels(): Channels {
  return {
    sms: {
      async send({ to, subject, text }) {
        sns ??= traced(new SNSClient({}));
        const out = await sns.send(
          new PublishCommand({
            PhoneNumber: e164(to),
            // The SMS text already begins with the subject (templates.ts outgoingText).
            Message: text || subject,
            // Transactional: delivered even to numbers that opted out of promotional messages, at a better route.
            MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
          }),
        );
        return { messageId: out.MessageId ?? 'unknown' };
      },
    },
    email: {
      async send({ to, subject, text }) {
        ses ??= traced(new SESv2Client({}));
        const out = await ses.send(
          new SendEmailCommand({
            FromEmailAddress: env.notificationEmailFrom(),
            Destination: { ToAddresses: [to] },
            Content: { Simple: { Subject: { Data: subject, Charset: 'UTF-8' }, Body: { Text: { Data: text, Charset: 'UTF-8' } } } },
          }),
        );
        return { messageId: out.MessageId ?? 'unknown' };
      },
    },
  };
}
