/**
 * Who a notification reaches on an application: kept apart from the templates (compose.ts), so a
 * handler that only asks whether someone can be reached — submission, a staff member's retry — does
 * not bundle every message text.
 */
import type { Application } from '../applications/application';
import type { ChannelName } from './channels';
import type { Notification } from './outbox';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const MOBILE = /^010-\d{4}-\d{4}$/;

/**
 * How a person is reached: by e-mail when they gave an address (the whole text, the appeal included,
 * and no cost), otherwise by SMS to a mobile number. An office line (a welfare officer's 02-…) takes
 * no SMS, so it alone is no contact.
 */
export function contactOf(person: unknown): { channel: ChannelName; to: string } | undefined {
  const details = (typeof person === 'object' && person !== null ? person : {}) as Record<string, unknown>;
  const email = text(details.email);
  if (email) return { channel: 'email', to: email };
  const phone = text(details.phone);
  return phone && MOBILE.test(phone) ? { channel: 'sms', to: phone } : undefined;
}

/**
 * Whether someone applied on the person's behalf and can be reached apart from them: a second receipt
 * goes to them then. The same address or number as the applicant's is one recipient, told once.
 */
export function actingSubmitterReachable(answers: Record<string, unknown>): boolean {
  const submitter = answers.submitter as { who?: unknown } | undefined;
  if (submitter?.who !== 'on-behalf') return false;
  const theirs = contactOf(submitter);
  return theirs !== undefined && theirs.to !== contactOf(answers.applicant)?.to;
}

/**
 * Where the message goes. The applicant: the contact every form asks for; the person who applied on
 * their behalf: the contact they gave on the first step. The case managers: their district team's
 * address, never a person's.
 */
export function recipient(notification: Pick<Notification, 'audience'>, application: Application): { channel: ChannelName; to: string } | undefined {
  if (notification.audience === 'case-managers') return undefined;
  return contactOf(notification.audience === 'submitter' ? application.answers.submitter : application.answers.applicant);
}

/**
 * Whether the application, as it is now, gives the notification someone to go to: the case managers'
 * team always; a person only while they have an e-mail or a mobile number on it (a supplement may
 * have added one since a notification failed for want of it).
 */
export function hasRecipient(notification: Pick<Notification, 'audience'>, application: Application): boolean {
  return notification.audience === 'case-managers' || recipient(notification, application) !== undefined;
}
