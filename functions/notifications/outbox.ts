import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import type { Text } from '../../forms/i18n';

/**
 * A message to the applicant, written to the outbox in the same transaction as the change it
 * reports. The key is the event ("rejected", "closed"), so a retried step cannot queue it twice;
 * delivery (SMS, e-mail, AlimTalk) reads the outbox and never holds contact details itself.
 */
export interface Notification {
  applicationId: string;
  key: string;
  template: 'application-rejected' | 'application-closed' | 'risk-flagged' | 'supplement-requested';
  /** Who it is for: the applicant (default), or the case managers of the application's district. */
  audience?: 'applicant' | 'case-managers';
  reasons?: Text[];
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
