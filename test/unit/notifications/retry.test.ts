import { describe, expect, it } from 'vitest';
import type { StoredNotification } from '../../../functions/notifications/deliver';
import { retryCopy } from '../../../functions/notifications/retry';

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
