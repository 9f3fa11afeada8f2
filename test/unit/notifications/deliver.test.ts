import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../functions/applications/audit';
import type { Channels, OutgoingMessage } from '../../../functions/notifications/channels';
import type { Composed, Undeliverable } from '../../../functions/notifications/compose';
import {
  deliverNotification,
  type DeliveryDeps,
  type NotificationRef,
  type OutboxPort,
  type StoredNotification,
} from '../../../functions/notifications/deliver';

/**
 * The outbox in memory, with the conditions the DynamoDB store writes: a claim takes only a pending
 * item or one whose lease ran out, and every later write needs the claim. No await between check and
 * set, so like a conditional write it is atomic against concurrent callers.
 */
class MemoryOutbox implements OutboxPort {
  readonly items = new Map<string, StoredNotification>();
  readonly audit: AuditEvent[] = [];
  failMarkSent = false;

  put(item: StoredNotification) {
    this.items.set(`${item.applicationId}/${item.key}`, { ...item });
  }

  get(ref: NotificationRef) {
    return this.items.get(`${ref.applicationId}/${ref.key}`);
  }

  private held(ref: NotificationRef, holder: string): StoredNotification {
    const item = this.get(ref);
    if (!item || item.delivery !== 'sending' || item.holder !== holder) throw Object.assign(new Error('condition'), { name: 'ConditionalCheckFailedException' });
    return item;
  }

  async claim(ref: NotificationRef, holder: string, nowMs: number, leaseUntilMs: number) {
    const item = this.get(ref);
    if (!item) return undefined;
    const claimable = item.delivery === 'pending' || (item.delivery === 'sending' && (item.leaseUntil ?? 0) < nowMs);
    if (!claimable) return undefined;
    Object.assign(item, { delivery: 'sending', holder, leaseUntil: leaseUntilMs });
    return { ...item };
  }

  async read(ref: NotificationRef) {
    const item = this.get(ref);
    return item ? { ...item } : undefined;
  }

  async recordFailedAttempt(ref: NotificationRef, holder: string, attempts: number, error: string) {
    Object.assign(this.held(ref, holder), { attempts, lastError: error });
  }

  async markSent(ref: NotificationRef, holder: string, sent: { messageId: string; channel: 'sms' | 'email'; attempts: number; at: string }, audit: AuditEvent) {
    if (this.failMarkSent) throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
    const item = this.held(ref, holder);
    Object.assign(item, { delivery: 'sent', messageId: sent.messageId, channel: sent.channel, attempts: sent.attempts, sentAt: sent.at, holder: undefined, leaseUntil: undefined });
    this.audit.push(audit);
  }

  async markFailed(ref: NotificationRef, holder: string, failed: { reason: string; district: string; attempts: number; at: string }, audit: AuditEvent) {
    const item = this.held(ref, holder);
    Object.assign(item, { delivery: 'failed', failure: failed.reason, district: failed.district, attempts: failed.attempts, failedAt: failed.at, holder: undefined, leaseUntil: undefined });
    this.audit.push(audit);
  }

  async release(ref: NotificationRef, holder: string) {
    const item = this.get(ref);
    if (item?.delivery === 'sending' && item.holder === holder) Object.assign(item, { delivery: 'pending', holder: undefined, leaseUntil: undefined });
  }
}

/** What DynamoDB says when it is over capacity for a moment: "not now", the same call may succeed. */
const throttled = () => Object.assign(new Error('throttled'), { name: 'ThrottlingException' });

/**
 * The same outbox meeting the table's transient faults: `throttle` fails the next calls of a method
 * before they apply; `loseAnswer` applies the next call and then fails it, as a reset connection does.
 */
class FaultyOutbox extends MemoryOutbox {
  throttle: Partial<Record<'claim' | 'read' | 'markSent' | 'release', number>> = {};
  loseAnswer: Partial<Record<'claim' | 'markSent', number>> = {};

  private async faulted<T>(method: 'claim' | 'read' | 'markSent' | 'release', call: () => Promise<T>): Promise<T> {
    if ((this.throttle[method] ?? 0) > 0) {
      this.throttle[method]!--;
      throw throttled();
    }
    const result = await call();
    if (method !== 'read' && method !== 'release' && (this.loseAnswer[method] ?? 0) > 0) {
      this.loseAnswer[method]!--;
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
    }
    return result;
  }

  override claim(...args: Parameters<MemoryOutbox['claim']>) {
    return this.faulted('claim', () => super.claim(...args));
  }
  override read(...args: Parameters<MemoryOutbox['read']>) {
    return this.faulted('read', () => super.read(...args));
  }
  override markSent(...args: Parameters<MemoryOutbox['markSent']>) {
    return this.faulted('markSent', () => super.markSent(...args));
  }
  override release(...args: Parameters<MemoryOutbox['release']>) {
    return this.faulted('release', () => super.release(...args));
  }
}

/** A channel that records what it sends, failing the first `failures` sends. */
function recordingChannels(failures = 0) {
  const sent: OutgoingMessage[] = [];
  let calls = 0;
  const channel = {
    async send(message: OutgoingMessage) {
      calls++;
      // Let other deliveries interleave, as a network call would.
      await new Promise((resolve) => setImmediate(resolve));
      if (calls <= failures) throw Object.assign(new Error(`refused ${message.to}`), { name: 'Throttled' });
      sent.push(message);
      return { messageId: `m-${sent.length}` };
    },
  };
  return { channels: { sms: channel, email: channel } as Channels, sent, calls: () => calls };
}

const ref: NotificationRef = { applicationId: 'A1', key: 'received' };
const pending: StoredNotification = { ...ref, template: 'application-received', createdAt: '2026-04-01T00:00:00.000Z', delivery: 'pending' };
const composed: Composed = {
  channel: 'sms',
  to: '010-1234-5678',
  message: { subject: { ko: '접수', en: 'Received' }, body: { ko: '접수되었습니다', en: 'Received' } },
};

/**
 * The deliverer's ports on a clock of their own, which sleeping moves. `timeLeftMs` is the
 * invocation's time from now (none by default: an invocation with no time to wait for a lease).
 */
function deps(outbox: MemoryOutbox, channels: Channels, overrides: Partial<DeliveryDeps> = {}, timeLeftMs = 0) {
  const delays: number[] = [];
  let clock = 1_000_000;
  let holders = 0;
  let deadline = clock + timeLeftMs;
  const value: DeliveryDeps = {
    outbox,
    channels,
    compose: async () => ({ district: '11110', composed }),
    policy: { attempts: 4, firstDelayMs: 1_000, leaseMs: 90_000, leasePollMs: 5_000, sendingReserveMs: 15_000 },
    holder: `h${++holders}`,
    nowMs: () => clock,
    at: () => new Date(clock).toISOString(),
    sleep: async (ms) => {
      delays.push(ms);
      clock += ms;
    },
    remainingMs: () => deadline - clock,
    ...overrides,
  };
  return {
    value,
    delays,
    advance: (ms: number) => (clock += ms),
    /** A new invocation of the same function: its full time again. */
    invokeAgain: (ms: number) => (deadline = clock + ms),
  };
}

describe('deliverNotification', () => {
  it('sends a pending notification once and records the provider id, with an audit event that names no address', async () => {
    const outbox = new MemoryOutbox();
    outbox.put(pending);
    const { channels, sent } = recordingChannels();
    expect(await deliverNotification(ref, deps(outbox, channels).value)).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe('010-1234-5678');
    expect(outbox.get(ref)).toMatchObject({ delivery: 'sent', messageId: 'm-1', channel: 'sms', attempts: 1 });
    expect(outbox.audit).toEqual([expect.objectContaining({ action: 'notification.sent', detail: expect.objectContaining({ template: 'application-received', messageId: 'm-1' }) })]);
    expect(JSON.stringify(outbox.audit)).not.toContain('010-1234-5678');
  });

  it('sends nothing for a failed notification a staff member retried (its copy is sent instead), and reports it done', async () => {
    const outbox = new MemoryOutbox();
    outbox.put({ ...pending, delivery: 'retried', retriedAs: 'received-retry1' });
    const { channels, sent } = recordingChannels();
    // A replayed stream record of the original: not "busy", which would retry it into the dead-letter queue.
    expect(await deliverNotification(ref, deps(outbox, channels).value)).toBe('done-before');
    expect(sent).toEqual([]);
  });

  it('never sends twice when invoked again on the same record', async () => {
    const outbox = new MemoryOutbox();
    outbox.put(pending);
    const { channels, sent } = recordingChannels();
    expect(await deliverNotification(ref, deps(outbox, channels, { holder: 'first' }).value)).toBe('sent');
    expect(await deliverNotification(ref, deps(outbox, channels, { holder: 'second' }).value)).toBe('done-before');
    expect(sent).toHaveLength(1);
  });

  it('never sends twice when invoked concurrently: one claims, the others find it taken', async () => {
    const outbox = new MemoryOutbox();
    outbox.put(pending);
    const { channels, sent } = recordingChannels();
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((holder) => deliverNotification(ref, deps(outbox, channels, { holder }).value)));
    expect(sent).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    // A loser that finds it in flight says "busy" (the stream looks again); one that finds it sent, "done-before".
    expect(outcomes.filter((o) => o !== 'sent').every((o) => o === 'busy' || o === 'done-before')).toBe(true);
  });

  it('retries a failed send with doubling waits, then marks it failed for staff with the last error code', async () => {
    const outbox = new MemoryOutbox();
    outbox.put(pending);
    const { channels, sent, calls } = recordingChannels(10);
    const run = deps(outbox, channels);
    expect(await deliverNotification(ref, run.value)).toBe('failed');
    expect(calls()).toBe(4);
    expect(sent).toEqual([]);
    expect(run.delays).toEqual([1_000, 2_000, 4_000]);
    expect(outbox.get(ref)).toMatchObject({ delivery: 'failed', failure: 'send-failed', attempts: 4, district: '11110' });
    const [failedEvent] = outbox.audit;
    expect(failedEvent).toMatchObject({ action: 'notification.failed', detail: { reason: 'send-failed', attempts: 4, error: 'Throttled', channel: 'sms' } });
    // The provider's message quoted the number; only its error name is kept.
    expect(JSON.stringify(outbox.audit)).not.toContain('010-1234-5678');
    // Failed is final: nobody sends it later.
    expect(await deliverNotification(ref, deps(outbox, recordingChannels().channels, { holder: 'later' }).value)).toBe('done-before');
  });

  it('sends after a failure or two, counting the attempts', async () => {
    const outbox = new MemoryOutbox();
    outbox.put(pending);
    const { channels, sent } = recordingChannels(2);
    const run = deps(outbox, channels);
    expect(await deliverNotification(ref, run.value)).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(run.delays).toEqual([1_000, 2_000]);
    expect(outbox.get(ref)).toMatchObject({ delivery: 'sent', attempts: 3 });
  });

  it("leaves a live sender's claim alone, and takes over one whose lease ran out, going on from its attempts", async () => {
    const outbox = new MemoryOutbox();
    outbox.put({ ...pending, delivery: 'sending', holder: 'crashed', leaseUntil: 1_000_000 + 30_000, attempts: 2 });
    const { channels, sent, calls } = recordingChannels(10);
    const run = deps(outbox, channels);
    expect(await deliverNotification(ref, run.value)).toBe('busy');
    expect(calls()).toBe(0);
    run.advance(30_001);
    expect(await deliverNotification(ref, run.value)).toBe('failed');
    // Attempts 3 and 4 only: the crashed sender's two count.
    expect(calls()).toBe(2);
    expect(sent).toEqual([]);
  });

  describe('a notification whose sender died between its claim and `sent` (a crash mid-send)', () => {
    const crashed = (leaseLeftMs: number): StoredNotification => ({ ...pending, delivery: 'sending', holder: 'crashed', leaseUntil: 1_000_000 + leaseLeftMs });

    it('is sent once by the replayed record, which waits the lease out while its invocation has the time', async () => {
      const outbox = new MemoryOutbox();
      outbox.put(crashed(30_000));
      const { channels, sent } = recordingChannels();
      const run = deps(outbox, channels, {}, 60_000);
      expect(await deliverNotification(ref, run.value)).toBe('sent');
      expect(sent).toHaveLength(1);
      // Looking every 5 s, and no longer than the lease.
      expect(run.delays.every((ms) => ms <= 5_000)).toBe(true);
      expect(run.delays.reduce((a, b) => a + b, 0)).toBe(30_001);
      expect(outbox.get(ref)).toMatchObject({ delivery: 'sent', attempts: 1 });
    });

    it('is handed back to the stream ("busy") when the lease outlasts the invocation, and the next invocation waits the rest', async () => {
      const outbox = new MemoryOutbox();
      // Just after the crash: the whole 90-s lease is left, more than a 60-s invocation can wait.
      outbox.put(crashed(90_000));
      const { channels, sent } = recordingChannels();
      const run = deps(outbox, channels, {}, 60_000);
      expect(await deliverNotification(ref, run.value)).toBe('busy');
      // It kept 15 s for sending: it waited 45 s.
      expect(run.delays.reduce((a, b) => a + b, 0)).toBe(45_000);
      expect(sent).toEqual([]);
      run.advance(200); // the stream's first retry
      run.invokeAgain(60_000);
      expect(await deliverNotification(ref, run.value)).toBe('sent');
      expect(sent).toHaveLength(1);
    });

    it('is left to a live sender that finishes while the record waits: nothing is sent twice', async () => {
      const outbox = new MemoryOutbox();
      outbox.put({ ...crashed(90_000), holder: 'live' });
      const { channels, sent } = recordingChannels();
      const run = deps(outbox, channels, {}, 60_000);
      const sleep = run.value.sleep;
      run.value.sleep = async (ms) => {
        // Meanwhile the live sender marks it sent.
        Object.assign(outbox.get(ref)!, { delivery: 'sent', messageId: 'm-live', holder: undefined, leaseUntil: undefined });
        await sleep(ms);
      };
      expect(await deliverNotification(ref, run.value)).toBe('done-before');
      expect(sent).toEqual([]);
      expect(run.delays).toEqual([5_000]);
    });
  });

  it('marks a notification it cannot compose failed at once, without sending or retrying (an unknown template is no crash loop)', async () => {
    for (const problem of ['unknown-template', 'no-contact'] as Undeliverable[]) {
      const outbox = new MemoryOutbox();
      outbox.put({ ...pending, template: 'attendance-flagged' as never });
      const { channels, calls } = recordingChannels();
      const run = deps(outbox, channels, { compose: async () => ({ district: '11110', composed: { problem } }) });
      expect(await deliverNotification(ref, run.value)).toBe('failed');
      expect(calls()).toBe(0);
      expect(run.delays).toEqual([]);
      expect(outbox.get(ref)).toMatchObject({ delivery: 'failed', failure: problem });
      expect(outbox.audit[0]).toMatchObject({ action: 'notification.failed', detail: { reason: problem } });
    }
  });

  it('never sends again when recording the sent message fails for good: the error goes back to the stream, the claim kept', async () => {
    const outbox = new MemoryOutbox();
    outbox.put(pending);
    outbox.failMarkSent = true;
    const { channels, calls } = recordingChannels();
    await expect(deliverNotification(ref, deps(outbox, channels).value)).rejects.toThrow('throttled');
    expect(calls()).toBe(1);
    // Still claimed: the stream's next try finds it busy and sends nothing until the lease runs out.
    expect(outbox.get(ref)).toMatchObject({ delivery: 'sending' });
    expect(await deliverNotification(ref, deps(outbox, channels, { holder: 'next' }).value)).toBe('busy');
    expect(calls()).toBe(1);
  });

  describe('when the table has a transient fault', () => {
    it('rides out throttled outbox writes in place, and sends once', async () => {
      const outbox = new FaultyOutbox();
      outbox.put(pending);
      outbox.throttle = { claim: 2, markSent: 3 };
      const { channels, sent } = recordingChannels();
      const run = deps(outbox, channels);
      expect(await deliverNotification(ref, run.value)).toBe('sent');
      expect(sent).toHaveLength(1);
      expect(outbox.get(ref)).toMatchObject({ delivery: 'sent', messageId: 'm-1' });
      expect(run.delays).toEqual([100, 200, 100, 200, 400]);
    });

    it('takes a claim whose answer was lost for its own, instead of calling it busy and leaving it to the lease', async () => {
      const outbox = new FaultyOutbox();
      outbox.put(pending);
      outbox.loseAnswer = { claim: 1 };
      const { channels, sent } = recordingChannels();
      expect(await deliverNotification(ref, deps(outbox, channels).value)).toBe('sent');
      expect(sent).toHaveLength(1);
      expect(outbox.get(ref)).toMatchObject({ delivery: 'sent' });
    });

    it('takes a "sent" record whose answer was lost for done: no error, no second send, one audit event', async () => {
      const outbox = new FaultyOutbox();
      outbox.put(pending);
      outbox.loseAnswer = { markSent: 1 };
      const { channels, sent } = recordingChannels();
      expect(await deliverNotification(ref, deps(outbox, channels).value)).toBe('sent');
      expect(sent).toHaveLength(1);
      expect(outbox.audit.filter((e) => e.action === 'notification.sent')).toHaveLength(1);
    });

    it('gives the claim back when it fails before sending, so the next try sends at once, not after the lease', async () => {
      const outbox = new FaultyOutbox();
      outbox.put(pending);
      const { channels, sent } = recordingChannels();
      let composeFaults = 1;
      const compose: DeliveryDeps['compose'] = async () => {
        if (composeFaults-- > 0) throw throttled();
        return { district: '11110', composed };
      };
      await expect(deliverNotification(ref, deps(outbox, channels, { compose, holder: 'first' }).value)).rejects.toThrow('throttled');
      expect(outbox.get(ref)).toMatchObject({ delivery: 'pending' });
      expect(outbox.get(ref)?.holder).toBeUndefined();
      expect(await deliverNotification(ref, deps(outbox, channels, { compose, holder: 'second' }).value)).toBe('sent');
      expect(sent).toHaveLength(1);
    });
  });

  it('answers "missing" for a record whose item is gone', async () => {
    const { channels } = recordingChannels();
    expect(await deliverNotification(ref, deps(new MemoryOutbox(), channels).value)).toBe('missing');
  });
});
