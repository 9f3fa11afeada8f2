import { describe, expect, it } from 'vitest';
import type { Application } from '../../../functions/applications/application';
import type { StoredNotification } from '../../../functions/notifications/deliver';
import { retryCopy, retryRefusal } from '../../../functions/notifications/retry';

const failed: StoredNotification = {
  applicationId: 'A1',
  key: 'rejected-r1',
  template: 'application-rejected',
  reasons: [{ ko: '소득 기준 초과', en: 'Income over the limit' }],
  toCitizen: '다음 달에 다시 신청해 주세요',
  createdAt: '2026-04-01T00:00:00.000Z',
  delivery: 'failed',
  attempts: 4,
  channel: 'sms',
  lastError: 'Throttled',
  failure: 'send-failed',
  failedAt: '2026-04-01T00:00:07.000Z',
  district: '11110',
  holder: 'h1',
};

describe('retryCopy', () => {
  it('copies what to say and to whom under a new key, and nothing of how the last try went', () => {
    const copy = retryCopy(failed, '2026-04-02T09:00:00.000Z');
    expect(copy.key).toBe('rejected-r1-retry1');
    expect(copy.notification).toEqual({
      applicationId: 'A1',
      key: 'rejected-r1-retry1',
      template: 'application-rejected',
      reasons: failed.reasons,
      toCitizen: failed.toCitizen,
      retryOf: 'rejected-r1',
      retry: 1,
      createdAt: '2026-04-02T09:00:00.000Z',
    });
  });

  it('numbers a retry of a retry from the first key', () => {
    const second = retryCopy({ ...failed, key: 'rejected-r1-retry1', retryOf: 'rejected-r1', retry: 1 }, '2026-04-03T09:00:00.000Z');
    expect(second.key).toBe('rejected-r1-retry2');
    expect(second.notification).toMatchObject({ retryOf: 'rejected-r1', retry: 2 });
  });
});

describe('retryRefusal', () => {
  const application = (answers: Record<string, unknown>) => ({ id: 'A1', receiptNumber: 'DB-2026-7K3M9Q2X', district: '11110', answers }) as unknown as Application;
  const officeLineOnly = application({
    applicant: {},
    submitter: { who: 'on-behalf', name: '김복지', relation: 'district-official', organisation: '사직동 주민센터', phone: '02-2148-1234' },
  });
  const noContact: StoredNotification = { ...failed, key: 'received', template: 'application-received', channel: undefined, lastError: undefined, attempts: 0, failure: 'no-contact' };

  it('lets a notification the provider refused be sent again', () => {
    expect(retryRefusal(failed, application({ applicant: { phone: '010-1234-5678' } }))).toBeUndefined();
  });

  it('refuses one that is not failed: already retried, or sent', () => {
    const reachable = application({ applicant: { phone: '010-1234-5678' } });
    expect(retryRefusal({ ...failed, delivery: 'retried' }, reachable)).toBe('not-failed');
    expect(retryRefusal({ ...failed, delivery: 'sent' }, reachable)).toBe('not-failed');
  });

  it('refuses one that failed for want of a contact while the application still has none for that person', () => {
    expect(retryRefusal(noContact, application({ applicant: {} }))).toBe('no-contact');
    // An office line takes no text: the person who applied on someone's behalf is still out of reach.
    expect(retryRefusal({ ...noContact, key: 'received-submitter', audience: 'submitter' }, officeLineOnly)).toBe('no-contact');
  });

  it('lets it go again once the person has a mobile number or e-mail on the application (a supplement answer added one)', () => {
    expect(retryRefusal(noContact, application({ applicant: { email: 'a@example.com' } }))).toBeUndefined();
    expect(retryRefusal(noContact, application({ applicant: { phone: '010-1234-5678' } }))).toBeUndefined();
    // The applicant's contact does not reach the person who applied for them.
    expect(retryRefusal({ ...noContact, key: 'received-submitter', audience: 'submitter' }, application({ ...officeLineOnly.answers, applicant: { phone: '010-1234-5678' } }))).toBe('no-contact');
  });
});
