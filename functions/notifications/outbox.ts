import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import type { Text } from '../../forms/i18n';

/**
 * A message to the applicant, written to the outbox in the same transaction as the change it
 * reports. The key is the event ("rejected", "closed"), so a retried step cannot queue it twice;
 * delivery (functions/notifications/send-notifications.ts) reads the contact details from the
 * application when it sends, so the outbox never holds them.
 */
export interface Notification {
  applicationId: string;
  key: string;
  template: 'application-rejected' | 'application-closed' | 'risk-flagged' | 'referral-owed' | 'attendance-flagged'
    | 'application-received' | 'supplement-requested' | 'application-approved' | 'provider-matched';
  /**
   * Who it is for: the applicant (default); the person who applied on their behalf (`answers.submitter`,
   * functions/notifications/compose.ts), each with a key of their own so each hears once; or the case
   * managers of the application's district.
   */
  audience?: 'applicant' | 'submitter' | 'case-managers';
  reasons?: Text[];
  /** application-rejected: the case manager's words to the applicant, as written (never their internal note). */
  toCitizen?: string;
  /** supplement-requested: what the applicant is asked to add (documents or answers), in their words. */
  missing?: Text[];
  /** provider-matched: the agency that accepted; its name and phone are read when the message is sent. */
  agencyId?: string;
  /** A staff member's retry of a failed notification (functions/notifications/retry.ts): the first one's key, and which retry. */
  retryOf?: string;
  retry?: number;
  createdAt: string;
}

export function notificationPut(notification: Notification): TransactItem {
  return {
    Put: {
      TableName: env.tableName(),
      Item: {
        ...keys.notification(notification.applicationId, notification.key),
        entity: 'Notification',
        gsi1pk: 'OUTBOX',
        gsi1sk: `pending#${notification.createdAt}#${notification.applicationId}`,
        delivery: 'pending',
        ...notification,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
