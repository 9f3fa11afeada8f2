import type { Text } from '../../forms/i18n';
import type { Application, ApplicationStatus } from '../applications/application';
import type { CopayDue } from '../ledger/copay-due';
import type { Agency } from '../providers/registry';
import { heldCount, type Session } from '../service-period/session';

/**
 * What a citizen sees of the service they receive (issue 8 item 8): who provides it and how to reach
 * them, sessions used and left, and the next one. Built field by field from the agency and the
 * sessions, never by removing fields: no counsellor's name, no staff note, no record of what was said
 * in a session can reach the status page.
 */
export interface CitizenService {
  provider: { name: Text; phone: string };
  sessionsPlanned: number;
  /** Sessions held: what the plan counts as used. */
  sessionsHeld: number;
  sessionsLeft: number;
  /** The Seoul day of the next session to come: its planned day, or the day it was moved to. */
  nextSessionOn?: string;
  /** What the person pays for this month's sessions so far (functions/ledger/copay-due.ts); absent if not decided. */
  copayDue?: CopayDue;
}

/** While the agency serves the person: in service, and while the case manager re-assesses. */
const served: readonly ApplicationStatus[] = ['in-service', 'reassessment'];

export function showsService(application: Pick<Application, 'status' | 'providerId' | 'servicePeriod'>): boolean {
  return served.includes(application.status) && Boolean(application.providerId && application.servicePeriod);
}

/**
 * The day a session still to come takes place: a session with no record yet is planned for its day,
 * a rescheduled one for the day it was moved to; held, missed and cancelled ones are behind.
 */
function upcomingDay(session: Session): string | undefined {
  if (!session.record) return session.plannedOn;
  return session.record.outcome === 'rescheduled' ? session.record.rescheduledTo : undefined;
}

/**
 * The next session from `today` (Seoul calendar, YYYY-MM-DD) on. A planned day already past with
 * nothing recorded is the agency's to record, not the citizen's next appointment, so it is skipped.
 */
export function nextSessionOn(sessions: readonly Session[], today: string): string | undefined {
  return sessions
    .map(upcomingDay)
    .filter((day): day is string => day !== undefined && day >= today)
    .sort()[0];
}

export function citizenService(agency: Pick<Agency, 'name' | 'phone'>, sessions: readonly Session[], today: string, copay?: CopayDue): CitizenService {
  const sessionsPlanned = sessions.length;
  const sessionsHeld = heldCount(sessions);
  const next = nextSessionOn(sessions, today);
  return {
    provider: { name: agency.name, phone: agency.phone },
    sessionsPlanned,
    sessionsHeld,
    sessionsLeft: Math.max(0, sessionsPlanned - sessionsHeld),
    ...(next ? { nextSessionOn: next } : {}),
    ...(copay ? { copayDue: copay } : {}),
  };
}
