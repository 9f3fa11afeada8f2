import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { now } from '../../functions/commons/clock';
import type { ChannelName, Channels, OutgoingMessage } from '../../functions/notifications/channels';

/**
 * The local cloud's stand-in for SNS and SES: every SMS and e-mail the sender sends is kept in the
 * table (so it survives restarts like the rest of the local data) and listed at /local/mailbox.
 * Local only: the CDK routes never serve it and no Lambda bundle imports it.
 *
 * Addresses on the reserved `.invalid` domain (RFC 6761: never deliverable) are refused the way a
 * provider refuses a send, so a failing delivery can be tried end to end without a fake in the code
 * that ships.
 */
const PARTITION = 'LOCAL-MAILBOX';

export interface MailboxMessage {
  messageId: string;
  channel: ChannelName;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

export class MailboxRefused extends Error {
  override name = 'MailboxRefused';
  constructor() {
    super('The local mailbox refuses addresses on the .invalid domain');
  }
}

export function mailboxChannels(db: DynamoDBDocumentClient, tableName: string): Channels {
  const channel = (name: ChannelName) => ({
    async send(message: OutgoingMessage) {
      if (/\.invalid$/i.test(message.to.trim())) throw new MailboxRefused();
      // The local cloud's clock, like every record it keeps, so a message sits beside its case's events.
      const sentAt = now().toISOString();
      const messageId = `local-${randomUUID()}`;
      const item: MailboxMessage = { messageId, channel: name, to: message.to, subject: message.subject, text: message.text, sentAt };
      await db.send(new PutCommand({ TableName: tableName, Item: { pk: PARTITION, sk: `${sentAt}#${messageId}`, entity: 'LocalMailboxMessage', ...item } }));
      return { messageId };
    },
  });
  return { sms: channel('sms'), email: channel('email') };
}

/** Everything the mailbox holds, newest first. */
export async function mailboxMessages(db: DynamoDBDocumentClient, tableName: string): Promise<MailboxMessage[]> {
  const messages: MailboxMessage[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': PARTITION },
        ScanIndexForward: false,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const { pk: _pk, sk: _sk, entity: _entity, ...message } of out.Items ?? []) messages.push(message as MailboxMessage);
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return messages;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The mailbox page: one row per message, plain HTML (the page policy allows no inline style or script). */
export function mailboxPage(messages: MailboxMessage[]): string {
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escape(m.sentAt)}</td><td>${m.channel === 'sms' ? 'SMS' : 'e-mail'}</td><td>${escape(m.to)}</td><td><strong>${escape(m.subject)}</strong><pre>${escape(m.text)}</pre></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>로컬 우편함 — Local mailbox</title><link rel="icon" href="data:,"></head>
<body><h1>로컬 우편함 <small>Local mailbox</small></h1>
<p>로컬 클라우드가 보낸 문자와 이메일 ${messages.length}건 (JSON: <a href="/local/mailbox/messages">/local/mailbox/messages</a>).
What the local cloud sent by SMS and e-mail; nothing leaves this machine.</p>
<table><thead><tr><th>보낸 시각 Sent</th><th>채널 Channel</th><th>받는 곳 To</th><th>내용 Message</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="4">아직 보낸 메시지가 없습니다. Nothing sent yet.</td></tr>'}
</tbody></table></body></html>`;
}
