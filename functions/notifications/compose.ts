import type { Application } from '../applications/application';
import type { Agency } from '../providers/registry';
import { appealInDistrict } from './appeal';
import type { ChannelName } from './channels';
import type { Notification } from './outbox';
import { renderNotification, type Message, type MessageFacts } from './templates';

/** Why a notification cannot be sent at all: retrying would not help, so it is marked failed at once. */
export type Undeliverable = 'unknown-template' | 'missing-facts' | 'no-application' | 'no-contact';

export interface Composed {
  channel: ChannelName;
  /** The number or address: read from the application now, handed to the channel, never stored or logged. */
  to: string;
  message: Message;
}

export interface CompositionInput {
  notification: Notification;
  application: Application | undefined;
  /** provider-matched: the agency named by the notification, from the registry. */
  agency?: Pick<Agency, 'name' | 'phone'>;
  /** The case managers' team address, `{district}` standing for the district code. */
  caseManagersEmail: string;
}

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
function recipient(notification: Notification, application: Application): { channel: ChannelName; to: string } | undefined {
  if (notification.audience === 'case-managers') return undefined;
  return contactOf(notification.audience === 'submitter' ? application.answers.submitter : application.answers.applicant);
}

/** The message and its recipient, or why there can be none. Pure: the sender reads what it needs first. */
export function composeNotification(input: CompositionInput): Composed | { problem: Undeliverable } {
  const { notification, application } = input;
  if (!application) return { problem: 'no-application' };
  const facts: MessageFacts = {
    receiptNumber: application.receiptNumber,
    ...(notification.reasons ? { reasons: notification.reasons } : {}),
    ...(notification.toCitizen ? { toCitizen: notification.toCitizen } : {}),
    ...(notification.missing ? { missing: notification.missing } : {}),
    ...(input.agency ? { provider: { name: input.agency.name, phone: input.agency.phone } } : {}),
    ...(notification.template === 'application-rejected' ? { appeal: appealInDistrict(application.district, notification.createdAt) } : {}),
  };
  const rendered = renderNotification(notification.template, facts);
  if ('problem' in rendered) return rendered;
  if (notification.audience === 'case-managers') {
    return { channel: 'email', to: input.caseManagersEmail.replaceAll('{district}', application.district), message: rendered.message };
  }
  const to = recipient(notification, application);
  return to ? { ...to, message: rendered.message } : { problem: 'no-contact' };
}
