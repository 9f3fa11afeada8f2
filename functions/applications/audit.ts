import { randomUUID } from 'node:crypto';
import type { ApplicationStatus } from './application';

/**
 * Who did what to whose data, when and from where. Kept at least two years (safeguard standard art. 8);
 * holds ids, codes and the status change — and, on a decision, the case manager's own note, which
 * only staff see.
 */
export type StaffActor = { kind: 'staff'; userId: string; groups: string[]; sourceIp?: string };
export type Actor =
  | { kind: 'citizen'; sourceIp?: string }
  | StaffActor
  | { kind: 'system'; step: string }
  /** Whoever holds a task token and answered it straight through the Step Functions API: nobody we can name. */
  | { kind: 'step-functions-api' };

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
  /** The case manager's note on a decision: personal text, for staff only (never on the citizen's timeline). */
  note?: string;
}

export function auditEvent(fields: Omit<AuditEvent, 'eventId' | 'visibleToApplicant'> & { visibleToApplicant?: boolean }): AuditEvent {
  return { eventId: randomUUID(), visibleToApplicant: false, ...fields };
}
