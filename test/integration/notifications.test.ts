import { randomInt, randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/clients';
import { cloud, local, submission, submit, untilStatus } from '../support/cloud-test';

const TABLE = 'dolbom-dev';

// The sender also runs in this process, on the cloud's own table and mailbox: a second (and third…)
// invocation for the same record, as a retried or duplicated stream delivery would make.
Object.assign(process.env, {
  TABLE_NAME: TABLE,
  AWS_REGION: 'ap-northeast-2',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_DYNAMODB: cloud.dynamodb,
  CASE_MANAGERS_EMAIL: 'case-managers-{district}@dolbom.local',
  DOLBOM_LOG: 'silent',
});
const { installChannels } = await import('../../functions/notifications/channels');
const { mailboxChannels } = await import('../../infra/local/mailbox');
const { handler: sendNotifications } = await import('../../functions/notifications/send-notifications');
installChannels(mailboxChannels(local.db, TABLE));

interface MailboxMessage {
  channel: string;
  to: string;
  subject: string;
  text: string;
}

async function mailFor(receiptNumber: string): Promise<MailboxMessage[]> {
  const { status, body } = await local.http('GET', '/local/mailbox/messages');
  expect(status).toBe(200);
  return (body.messages as MailboxMessage[]).filter((m) => m.text.includes(receiptNumber));
}

async function notification(applicationId: string, key: string) {
  const { Item } = await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `APP#${applicationId}`, sk: `NOTIFICATION#${key}` }, ConsistentRead: true }));
  return Item;
}

function untilDelivery(applicationId: string, key: string, delivery: 'sent' | 'failed', timeoutMs = 30_000) {
  return eventually(
    async () => {
      const item = await notification(applicationId, key);
      return item?.delivery === delivery ? item : undefined;
    },
    `notification ${key} of ${applicationId} to be ${delivery}`,
    timeoutMs,
  );
}

/** The stream record Lambda hands the sender for an inserted outbox item (the stream carries keys only). */
/** A pending outbox item put straight into the table, as a rule would queue it. */
function queueNotification(applicationId: string, key: string, fields: { template: string; audience?: string }) {
  return local.db.send(
    new PutCommand({
      TableName: TABLE,
      Item: {
        pk: `APP#${applicationId}`,
        sk: `NOTIFICATION#${key}`,
        entity: 'Notification',
        gsi1pk: 'OUTBOX',
        gsi1sk: `pending#2026-01-01T00:00:00.000Z#${applicationId}`,
        delivery: 'pending',
        applicationId,
        key,
        ...fields,
        createdAt: new Date().toISOString(),
      },
    }),
  );
}

function streamEvent(applicationId: string, key: string) {
  const sequence = String(randomInt(1, 2 ** 40));
  return {
    Records: [{ eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { Keys: { pk: { S: `APP#${applicationId}` }, sk: { S: `NOTIFICATION#${key}` } }, SequenceNumber: sequence } }],
  };
}

async function auditOf(applicationId: string) {
  const token = await local.signIn('caseworker.jongno');
  const { body } = await local.http('GET', `/api/staff/applications/${applicationId}/audit`, undefined, { authorization: `Bearer ${token}` });
  return body.events as { action: string; detail?: Record<string, unknown> }[];
}

/** Closes a test's application, so its open review does not escalate through the later tests' clock jumps. */
async function closeEarly(applicationId: string, caseworker: string) {
  const token = await local.signIn(caseworker);
  const closed = await local.http('POST', `/api/staff/applications/${applicationId}/closure`, { reason: 'drop-out', note: '시험 종료' }, { authorization: `Bearer ${token}` });
  expect(closed.status, JSON.stringify(closed.body)).toBe(202);
}

const mobile = () => `010-${randomInt(1000, 10_000)}-${randomInt(1000, 10_000)}`;

describe('notifications', () => {
  it("tells the applicant their application arrived, once, though the sender runs again and concurrently on the same record", async () => {
    const phone = mobile();
    const receipt = await submit(submission('youth', { applicant: { district: '11110', name: `시험${randomUUID().slice(0, 8)}`, phone, email: undefined } }));

    // The table stream's trigger in the local cloud sends it.
    const sent = await untilDelivery(receipt.applicationId, 'received', 'sent');
    expect(sent).toMatchObject({ template: 'application-received', channel: 'sms', messageId: expect.stringMatching(/^local-/), attempts: 1 });
    expect(sent.gsi1pk).toBeUndefined(); // out of the OUTBOX index: nothing left to deliver

    // Then the same record again, and three at once: a retried or duplicated delivery.
    await expect(sendNotifications(streamEvent(receipt.applicationId, 'received'))).resolves.toEqual({ batchItemFailures: [] });
    await Promise.all([1, 2, 3].map(() => sendNotifications(streamEvent(receipt.applicationId, 'received'))));

    const mail = await mailFor(receipt.receiptNumber);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ channel: 'sms', to: phone });
    expect(mail[0]!.text).toContain('신청이 접수되었습니다');
    expect(mail[0]!.text).toContain('Your application has been received');
    const audit = (await auditOf(receipt.applicationId)).filter((e) => e.action === 'notification.sent');
    expect(audit).toEqual([expect.objectContaining({ detail: expect.objectContaining({ key: 'received', channel: 'sms', template: 'application-received' }) })]);
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it('sends the receipt to the person and to whoever applied on their behalf, once each, and shows staff who applied', async () => {
    const phone = mobile();
    const officer = { who: 'on-behalf', name: '김복지', relation: 'district-official', organisation: '종로구 사직동 주민센터', phone: '02 2148 1234', email: `welfare-${randomUUID().slice(0, 8)}@example.kr` };
    const receipt = await submit(submission('youth', { applicant: { district: '11110', name: `시험${randomUUID().slice(0, 8)}`, phone, email: undefined }, submitter: officer }));

    await untilDelivery(receipt.applicationId, 'received', 'sent');
    await untilDelivery(receipt.applicationId, 'received-submitter', 'sent');
    // A retried delivery of either record sends nothing more.
    await sendNotifications(streamEvent(receipt.applicationId, 'received-submitter'));
    await sendNotifications(streamEvent(receipt.applicationId, 'received'));

    const mail = await mailFor(receipt.receiptNumber);
    expect(mail.map((m) => `${m.channel}:${m.to}`).sort()).toEqual([`email:${officer.email}`, `sms:${phone}`].sort());
    for (const message of mail) expect(message.text).toContain('신청이 접수되었습니다');

    const token = await local.signIn('caseworker.jongno');
    const { status, body } = await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain('"submitter"');
    const answers = (body.application?.answers ?? body.answers) as Record<string, unknown>;
    expect(answers.submitter).toEqual({ ...officer, phone: '02-2148-1234' });
  });

  it('refuses an on-behalf application without the acting person’s contact, naming the field in Korean and English', async () => {
    const response = await local.http('POST', '/api/applications', submission('youth', { submitter: { who: 'on-behalf', name: '김복지', relation: 'family' } }), { 'idempotency-key': randomUUID() });
    expect(response.status).toBe(400);
    const field = (response.body.error.fields as { field: string; message: { ko: string; en: string } }[]).find((f) => f.field === 'answers.submitter.phone');
    expect(field?.message.ko).toContain('전화번호나 이메일');
    expect(field?.message.en).toContain('phone number or email');
  });

  it('sends a freshly queued notification once while several senders race for it', async () => {
    const email = `race-${randomUUID().slice(0, 8)}@example.kr`;
    const receipt = await submit(submission('youth', { applicant: { district: '11110', name: `시험${randomUUID().slice(0, 8)}`, email } }));
    await untilDelivery(receipt.applicationId, 'received', 'sent');

    // A second notification for the same application, raced by the cloud's trigger and three senders here.
    const key = `race-${randomUUID()}`;
    await queueNotification(receipt.applicationId, key, { template: 'application-closed' });
    await Promise.all([1, 2, 3].map(() => sendNotifications(streamEvent(receipt.applicationId, key))));
    await untilDelivery(receipt.applicationId, key, 'sent');

    const closed = (await mailFor(receipt.receiptNumber)).filter((m) => m.text.includes('서비스가 종결되었습니다'));
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ channel: 'email', to: email });
  });

  it('retries a send the provider refuses, then marks it failed and shows it to the case managers of the district only', async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@example.invalid`;
    const receipt = await submit(submission('youth', { applicant: { district: '11110', name: `시험${randomUUID().slice(0, 8)}`, email } }));

    // Four attempts, 1 + 2 + 4 seconds apart, in the local cloud's own sender.
    const failed = await untilDelivery(receipt.applicationId, 'received', 'failed', 45_000);
    expect(failed).toMatchObject({ failure: 'send-failed', attempts: 4, channel: 'email', lastError: 'MailboxRefused', district: '11110' });
    expect(await mailFor(receipt.receiptNumber)).toEqual([]);

    // Failed is final: running the sender again sends nothing.
    await expect(sendNotifications(streamEvent(receipt.applicationId, 'received'))).resolves.toEqual({ batchItemFailures: [] });
    expect(await mailFor(receipt.receiptNumber)).toEqual([]);

    const jongno = { authorization: `Bearer ${await local.signIn('caseworker.jongno')}` };
    const listed = await local.http('GET', '/api/staff/notifications?state=failed', undefined, jongno);
    expect(listed.status).toBe(200);
    const mine = listed.body.notifications.find((n: { applicationId: string }) => n.applicationId === receipt.applicationId);
    expect(mine).toMatchObject({ key: 'received', template: 'application-received', reason: 'send-failed', attempts: 4, channel: 'email', district: '11110' });
    expect(JSON.stringify(listed.body)).not.toContain(email);

    const mapo = { authorization: `Bearer ${await local.signIn('caseworker.mapo')}` };
    const other = await local.http('GET', '/api/staff/notifications?state=failed', undefined, mapo);
    expect(other.body.notifications.map((n: { applicationId: string }) => n.applicationId)).not.toContain(receipt.applicationId);
    expect((await local.http('GET', '/api/staff/notifications?state=failed&district=11110', undefined, mapo)).status).toBe(403);
    expect((await local.http('GET', '/api/staff/notifications?state=sent', undefined, jongno)).status).toBe(400);

    const audit = (await auditOf(receipt.applicationId)).filter((e) => e.action.startsWith('notification.'));
    expect(audit).toEqual([expect.objectContaining({ action: 'notification.failed', detail: expect.objectContaining({ reason: 'send-failed', attempts: 4, error: 'MailboxRefused' }) })]);
    expect(JSON.stringify(audit)).not.toContain(email);
    // The application itself goes on: a failed message never holds up the case.
    await untilStatus(receipt, 'awaiting-review');
  });

  it('sends a failed notification again when a supervisor of the district or an operator asks, once', async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@example.invalid`;
    const receipt = await submit(submission('youth', { applicant: { district: '11110', name: `시험${randomUUID().slice(0, 8)}`, email } }));
    await untilDelivery(receipt.applicationId, 'received', 'failed', 45_000);
    const retry = (token: string, key = 'received') => local.http('POST', `/api/staff/notifications/${receipt.applicationId}/${key}/retry`, undefined, { authorization: `Bearer ${token}` });

    // Not the caseworker (the route is for supervisors and operators), not another district's supervisor.
    expect((await retry(await local.signIn('caseworker.jongno'))).status).toBe(403);
    expect((await retry(await local.signIn('supervisor.gangnam'))).status).toBe(403);
    expect((await retry(await local.signIn('supervisor'), 'no-such-notification')).status).toBe(404);

    // The address is put right (as a supplement's corrected answer would), then the supervisor sends it again.
    await local.db.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { pk: `APP#${receipt.applicationId}`, sk: 'APPLICATION' },
        UpdateExpression: 'SET answers.applicant.email = :email',
        ExpressionAttributeValues: { ':email': `fixed-${randomUUID().slice(0, 8)}@example.org` },
      }),
    );
    const supervisor = await local.signIn('supervisor');
    const retried = await retry(supervisor);
    expect(retried.status, JSON.stringify(retried.body)).toBe(202);
    expect(retried.body).toEqual({ applicationId: receipt.applicationId, key: 'received-retry1', retryOf: 'received', delivery: 'pending' });
    const sent = await untilDelivery(receipt.applicationId, 'received-retry1', 'sent');
    expect(sent).toMatchObject({ template: 'application-received', retryOf: 'received', retry: 1, attempts: 1 });
    expect(await notification(receipt.applicationId, 'received')).toMatchObject({ delivery: 'retried', retriedAs: 'received-retry1' });
    expect(await mailFor(receipt.receiptNumber)).toHaveLength(1);

    // Once: the second click, and an operator's after it, find it retried; it has left the failed list.
    const again = await retry(await local.signIn('operator'));
    expect(again.status).toBe(409);
    expect(again.body.error.message.en).toContain('Only a failed notification');
    const listed = await local.http('GET', '/api/staff/notifications?state=failed&limit=100', undefined, { authorization: `Bearer ${supervisor}` });
    expect(listed.body.notifications.map((n: { applicationId: string }) => n.applicationId)).not.toContain(receipt.applicationId);
    expect(await mailFor(receipt.receiptNumber)).toHaveLength(1);

    const audit = (await auditOf(receipt.applicationId)).filter((e) => e.action === 'notification.retried');
    expect(audit).toEqual([expect.objectContaining({ detail: { key: 'received', retryKey: 'received-retry1', template: 'application-received' } })]);
    await closeEarly(receipt.applicationId, 'caseworker.jongno');
  });

  it('refuses to send again one that failed for want of a contact, storing nothing, until the application has one', async () => {
    // A welfare officer who gave only the office line: no text can reach them, so no receipt is queued for them.
    const officer = { who: 'on-behalf', name: '김복지', relation: 'district-official', organisation: '종로구 사직동 주민센터', phone: '02 2148 1234' };
    const receipt = await submit(submission('youth', { applicant: { district: '11110', name: `시험${randomUUID().slice(0, 8)}`, phone: mobile(), email: undefined }, submitter: officer }));
    await untilDelivery(receipt.applicationId, 'received', 'sent');
    // A message for them all the same (as an older rule queued): the sender finds no one to send it to.
    const key = 'notice-submitter';
    await queueNotification(receipt.applicationId, key, { template: 'application-received', audience: 'submitter' });
    await sendNotifications(streamEvent(receipt.applicationId, key));
    const failed = await untilDelivery(receipt.applicationId, key, 'failed');
    expect(failed).toMatchObject({ failure: 'no-contact', attempts: 0, district: '11110' });

    const supervisor = await local.signIn('supervisor');
    const retry = () => local.http('POST', `/api/staff/notifications/${receipt.applicationId}/${key}/retry`, undefined, { authorization: `Bearer ${supervisor}` });
    const refused = await retry();
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('notification-no-contact');
    expect(refused.body.error.message.ko).toContain('휴대전화 번호나 이메일이 없어');
    expect(refused.body.error.message.en).toContain('no mobile number or e-mail');
    // Nothing stored: still failed and listed, no copy queued, no retry audited.
    expect(await notification(receipt.applicationId, key)).toEqual(failed);
    expect(await notification(receipt.applicationId, `${key}-retry1`)).toBeUndefined();
    expect((await auditOf(receipt.applicationId)).filter((e) => e.action === 'notification.retried')).toEqual([]);
    const listed = await local.http('GET', '/api/staff/notifications?state=failed&limit=100', undefined, { authorization: `Bearer ${supervisor}` });
    expect(listed.body.notifications.find((n: { applicationId: string }) => n.applicationId === receipt.applicationId)).toMatchObject({ key, reason: 'no-contact', audience: 'submitter' });

    // Their e-mail is on the application now (as their own supplement answer would put it): it may go.
    const email = `welfare-${randomUUID().slice(0, 8)}@example.kr`;
    await local.db.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { pk: `APP#${receipt.applicationId}`, sk: 'APPLICATION' },
        UpdateExpression: 'SET answers.submitter.email = :email',
        ExpressionAttributeValues: { ':email': email },
      }),
    );
    const retried = await eventually(async () => {
      // The route reads the application eventually consistently: the e-mail may take a moment to show.
      const answer = await retry();
      return answer.status === 202 ? answer : undefined;
    }, 'the retry to be accepted once the e-mail is on the application');
    expect(retried.body).toMatchObject({ key: `${key}-retry1`, retryOf: key });
    await untilDelivery(receipt.applicationId, `${key}-retry1`, 'sent');
    expect((await mailFor(receipt.receiptNumber)).filter((m) => m.to === email)).toHaveLength(1);
    await closeEarly(receipt.applicationId, 'caseworker.jongno');
  });

  it('lists the failures of every district to an operator, with receipt numbers and no address', async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@example.invalid`;
    const receipt = await submit(submission('youth', { applicant: { district: '11440', name: `시험${randomUUID().slice(0, 8)}`, email } }));
    await untilDelivery(receipt.applicationId, 'received', 'failed', 45_000);
    const operator = { authorization: `Bearer ${await local.signIn('operator')}` };
    const listed = await local.http('GET', '/api/staff/notifications?state=failed&limit=100', undefined, operator);
    expect(listed.status).toBe(200);
    expect(listed.body.notifications.find((n: { applicationId: string }) => n.applicationId === receipt.applicationId)).toMatchObject({
      receiptNumber: receipt.receiptNumber,
      district: '11440',
      channel: 'email',
    });
    expect(JSON.stringify(listed.body)).not.toContain(email);
    await closeEarly(receipt.applicationId, 'caseworker.mapo');
  });

  it('lists what was sent on the local mailbox page', async () => {
    const page = await fetch(`${cloud.api}/local/mailbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('신청이 접수되었습니다');
  });
});
