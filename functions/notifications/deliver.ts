import { auditEvent, type AuditEvent } from '../applications/audit';
import { retryTransient } from '../commons/transient-errors';
import type { ChannelName, Channels } from './channels';
import type { Composed, Undeliverable } from './compose';
import type { Notification } from './outbox';
import { outgoingText } from './templates';

/**
 * Delivering one outbox item exactly once: the use case, with its storage and channels as ports so
 * the claim logic is tested without AWS (test/unit/notifications/deliver.test.ts).
 *
 * pending ──claim──▶ sending (holder, lease) ──send ok──▶ sent (provider's message id)
 *                      │   ▲ send failed: attempts+1, wait, again
 *                      └───┴─ attempts spent, or undeliverable ──▶ failed (visible to staff)
 *
 * The claim is one conditional write: only a `pending` item, or a `sending` one whose lease ran out
 * (its sender died), can be taken, so two invocations for the same record never both send. Sent and
 * failed are final (a staff member's retry queues a copy and marks the failed one `retried`,
 * functions/notifications/retry.ts). The one window left is a crash between the provider accepting a message and
 * `sent` being written: the next holder, after the lease, sends again — at least once there, as no
 * SMS or e-mail API takes an idempotency key. The lease outlasts the function's timeout, so a live
 * sender is never overtaken.
 *
 * The outbox's own writes meet the table's transient faults (throttling, contention, an answer lost
 * after the write): each is tried again in place; a claim or a record whose answer was lost is
 * recognised as this sender's own by what the item says; and a sender that fails before anything was
 * sent hands its claim back, so the stream's next try sends it instead of waiting out the lease —
 * which is longer than the stream's retries last, so the notification would otherwise never go.
 *
 * A record that finds its item held waits the lease out while its invocation has the time, rather
 * than answering "busy" at once: after a crash between a claim and `sent` (its sender died), the
 * stream's retries of a busy record can all fall inside the lease (locally ten retries span ~53 s
 * against a 90-s lease), and the record would go to the dead-letter queue with the notification
 * never sent (the crash drill, test/drills/crash-mid-lifecycle.test.ts).
 */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'retried';

export interface StoredNotification extends Notification {
  delivery: DeliveryState;
  /** Send attempts that failed so far (kept across invocations, so a crash does not reset the count). */
  attempts?: number;
  holder?: string;
  /** Epoch milliseconds (real time: it bounds a Lambda invocation, not a step of the case). */
  leaseUntil?: number;
  lastError?: string;
  channel?: ChannelName;
  messageId?: string;
  sentAt?: string;
  failure?: Failed['reason'];
  failedAt?: string;
  district?: string;
  /** Set when a staff member queued it again: who, when, and the copy's key. */
  retriedAt?: string;
  retriedBy?: string;
  retriedAs?: string;
}

export interface NotificationRef {
  applicationId: string;
  key: string;
}

export interface Sent {
  channel: ChannelName;
  messageId: string;
  /** The attempt that went through (1 when the first did). */
  attempts: number;
  at: string;
}

export interface Failed {
  reason: Undeliverable | 'send-failed';
  channel?: ChannelName;
  /** The district whose staff see the failure (unknown when the application is gone). */
  district: string;
  attempts: number;
  /** The provider's last error, as a code. */
  error?: string;
  at: string;
}

/** The outbox's storage (DynamoDB in outbox-store.ts). Every write after the claim is conditional on still holding it. */
export interface OutboxPort {
  /** Takes the item if it is pending or its lease ran out; undefined when it cannot be taken. */
  claim(ref: NotificationRef, holder: string, nowMs: number, leaseUntilMs: number): Promise<StoredNotification | undefined>;
  read(ref: NotificationRef): Promise<StoredNotification | undefined>;
  recordFailedAttempt(ref: NotificationRef, holder: string, attempts: number, error: string): Promise<void>;
  markSent(ref: NotificationRef, holder: string, sent: Sent, audit: AuditEvent): Promise<void>;
  markFailed(ref: NotificationRef, holder: string, failed: Failed, audit: AuditEvent): Promise<void>;
  /** Gives a claim back (pending again, no holder) while still holding it; nothing if not. */
  release(ref: NotificationRef, holder: string): Promise<void>;
}

export interface DeliveryPolicy {
  /** Send attempts before the notification is marked failed. */
  attempts: number;
  /** The wait after the first failed attempt; it doubles after each. */
  firstDelayMs: number;
  leaseMs: number;
  /** How often a record waiting for another sender's lease looks whether that sender finished. */
  leasePollMs: number;
  /** The time an invocation keeps, after waiting for a lease, for the sending itself: every attempt and its backoff. */
  sendingReserveMs: number;
}

export interface DeliveryDeps {
  outbox: OutboxPort;
  channels: Channels;
  /** Reads the application (and agency) and composes the message; the contact details stay in memory. */
  compose: (notification: StoredNotification) => Promise<{ district: string; composed: Composed | { problem: Undeliverable } }>;
  policy: DeliveryPolicy;
  holder: string;
  nowMs: () => number;
  /** The case's clock (virtual in the local cloud), for the records people read. */
  at: () => string;
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds this invocation has left (Lambda's `getRemainingTimeInMillis`): how long it may wait for a lease. */
  remainingMs: () => number;
}

/**
 * What became of one record: sent now; already sent or failed by someone else (nothing to do);
 * held by another sender past this invocation's time (look again later); failed now; or no such item.
 */
export type DeliveryOutcome = 'sent' | 'done-before' | 'busy' | 'failed' | 'missing';

const STEP = 'SendNotifications';

function audit(notification: StoredNotification, at: string, action: 'notification.sent' | 'notification.failed', detail: AuditEvent['detail']): AuditEvent {
  return auditEvent({
    applicationId: notification.applicationId,
    at,
    actor: { kind: 'system', step: STEP },
    action,
    // Ids and codes only: never the number or address it went to, never the text.
    detail: { key: notification.key, template: notification.template, ...detail },
  });
}

/** A provider's error, as a code fit for the audit trail: its name, never its message (which may quote the address). */
function errorCode(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  return /^[\w.-]{1,64}$/.test(name) ? name : 'Error';
}

/** One outbox call, tried again in place (4 calls, 100 ms apart and doubling) when the table said "not now", never "not so". */
function stored<T>(deps: DeliveryDeps, call: () => Promise<T>): Promise<T> {
  return retryTransient(call, { tries: 4, firstDelayMs: 100, sleep: deps.sleep });
}

/**
 * A final write (sent, failed): tried again on transient faults; if a try whose answer was lost went
 * through, the next finds the claim gone and fails its condition — the item then says what was asked.
 */
async function finish(deps: DeliveryDeps, ref: NotificationRef, write: () => Promise<void>, done: (item: StoredNotification) => boolean): Promise<void> {
  try {
    await stored(deps, write);
  } catch (error) {
    const current = await stored(deps, () => deps.outbox.read(ref)).catch(() => undefined);
    if (current && done(current)) return;
    throw error;
  }
}

/**
 * Claims the item, waiting while it is held and this invocation has time to spare: a live holder
 * soon marks it sent (then 'done-before'), a dead one's lease runs out (then it is ours). 'busy' when
 * the time is spent first: the stream retries the record, and the next invocation waits on.
 */
async function claimWhenFree(ref: NotificationRef, deps: DeliveryDeps): Promise<StoredNotification | 'done-before' | 'busy' | 'missing'> {
  const { outbox, policy, holder } = deps;
  for (;;) {
    const claimedAt = deps.nowMs();
    const notification = await stored(deps, () => outbox.claim(ref, holder, claimedAt, claimedAt + policy.leaseMs));
    if (notification) return notification;
    const current = await stored(deps, () => outbox.read(ref));
    if (!current) return 'missing';
    // Held by this very sender: the claim went through and only its answer was lost.
    if (current.delivery === 'sending' && current.holder === holder) return current;
    if (current.delivery !== 'pending' && current.delivery !== 'sending') return 'done-before';
    const spare = deps.remainingMs() - policy.sendingReserveMs;
    if (spare <= 0) return 'busy';
    const leaseLeft = (current.leaseUntil ?? 0) + 1 - deps.nowMs();
    await deps.sleep(Math.max(1, Math.min(leaseLeft, policy.leasePollMs, spare)));
  }
}

export async function deliverNotification(ref: NotificationRef, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const { outbox, policy, holder } = deps;
  const notification = await claimWhenFree(ref, deps);
  if (typeof notification === 'string') return notification;
  const claimed = notification;

  let sent: { messageId: string; attempts: number; channel: ChannelName } | undefined;
  let district: string;
  try {
    const made = await deps.compose(claimed);
    district = made.district;
    if ('problem' in made.composed) {
      const problem = made.composed.problem;
      const at = deps.at();
      const failed: Failed = { reason: problem, district, attempts: claimed.attempts ?? 0, at };
      await finish(deps, ref, () => outbox.markFailed(ref, holder, failed, audit(claimed, at, 'notification.failed', { reason: problem, attempts: failed.attempts })), (item) => item.delivery === 'failed' && item.failedAt === at);
      return 'failed';
    }
    const { composed } = made;
    const outgoing = { to: composed.to, ...outgoingText(composed.message, composed.channel) };
    for (let attempt = (claimed.attempts ?? 0) + 1; !sent; attempt++) {
      try {
        const { messageId } = await deps.channels[composed.channel].send(outgoing);
        sent = { messageId, attempts: attempt, channel: composed.channel };
      } catch (error) {
        const code = errorCode(error);
        if (attempt >= policy.attempts) {
          const at = deps.at();
          const failed: Failed = { reason: 'send-failed', channel: composed.channel, district, attempts: attempt, error: code, at };
          const event = audit(claimed, at, 'notification.failed', { reason: 'send-failed', channel: composed.channel, attempts: attempt, error: code });
          await finish(deps, ref, () => outbox.markFailed(ref, holder, failed, event), (item) => item.delivery === 'failed' && item.failedAt === at);
          return 'failed';
        }
        await stored(deps, () => outbox.recordFailedAttempt(ref, holder, attempt, code));
        await deps.sleep(policy.firstDelayMs * 2 ** (attempt - 1));
      }
    }
  } catch (error) {
    // Nothing was sent: the claim goes back, so the stream's next try takes it at once.
    if (!sent) await stored(deps, () => outbox.release(ref, holder)).catch(() => undefined);
    throw error;
  }
  // Outside the try: once the provider has the message, a failure to record it must never send it again.
  const { messageId, attempts, channel } = sent;
  const at = deps.at();
  const event = audit(claimed, at, 'notification.sent', { channel, messageId, attempts });
  await finish(deps, ref, () => outbox.markSent(ref, holder, { channel, messageId, attempts, at }, event), (item) => item.delivery === 'sent' && item.messageId === messageId);
  return 'sent';
}
