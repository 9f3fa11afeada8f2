import { randomUUID } from 'node:crypto';
import type { ApplicationStatus } from './application';

/**
 * Who did what to whose data, when and from where. Kept at least two years (safeguard standard art. 8);
 * never holds personal data itself — only ids, codes and the status change.
 */
export type Actor =
  | { kind: 'citizen'; sourceIp?: string }
  | { kind: 'staff'; userId: string; groups: string[]; sourceIp?: string }
  | { kind: 'system'; step: string };

export interface AuditEvent {
  eventId: string;
  applicationId: string;
  at: string;
  actor: Actor;
  action: string;
  /** True when the event changes what the citizen sees on the status page (their timeline). */
  visibleToApplicant: boolean;
  status?: ApplicationStatus;
  detail?: Record<string, string | number | boolean | null>;
}

export function auditEvent(fields: Omit<AuditEvent, 'eventId' | 'visibleToApplicant'> & { visibleToApplicant?: boolean }): AuditEvent {
  return { eventId: randomUUID(), visibleToApplicant: false, ...fields };
}
