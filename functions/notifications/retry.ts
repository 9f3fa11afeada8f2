import type { Application } from '../applications/application';
import { hasRecipient } from './recipients';
import type { StoredNotification } from './deliver';
import type { Notification } from './outbox';

/**
 * A failed notification sent again: a copy of it, as a new outbox item. Failed stays final for the
 * sender (deliver.ts) and outbox items are only ever inserted — the table stream wakes the sender on
 * an insert — so a retry is the copy, keyed `<original key>-retry<n>`, and the failed item is marked
 * `retried` (out of the failed list) in the same transaction. A second click finds it retried: the
 * copy is queued once, and sent at most once like any other item.
 */
export interface RetryCopy {
  key: string;
  notification: Notification;
}

/** The copy of a failed notification: what to say and to whom, never how the last try went. */
export function retryCopy(failed: StoredNotification, at: string): RetryCopy {
  const original = failed.retryOf ?? failed.key;
  const retry = (failed.retry ?? 0) + 1;
  const key = `${original}-retry${retry}`;
  const { applicationId, template, audience, reasons, toCitizen, missing, agencyId } = failed;
  return {
    key,
    notification: {
      applicationId,
      key,
      template,
      ...(audience ? { audience } : {}),
      ...(reasons ? { reasons } : {}),
      ...(toCitizen ? { toCitizen } : {}),
      ...(missing ? { missing } : {}),
      ...(agencyId ? { agencyId } : {}),
      retryOf: original,
      retry,
      createdAt: at,
    },
  };
}

/**
 * Why a notification is not sent again, if it is not: it is not failed (already retried or sent), or
 * it failed for want of a mobile number or e-mail and the application still has none — the copy
 * would only fail the same way, and nothing a staff member does in the console adds a contact (only
 * the person's own supplement answer can). Anything else may have been put right since: a provider's
 * outage, an address corrected.
 */
export type RetryRefusal = 'not-failed' | 'no-contact';

export function retryRefusal(item: StoredNotification, application: Application): RetryRefusal | undefined {
  if (item.delivery !== 'failed') return 'not-failed';
  if (item.failure === 'no-contact' && !hasRecipient(item, application)) return 'no-contact';
  return undefined;
}
