import type { ServicePlan } from '../../forms/types';
import { plannedSessions } from './plan';

/** The first session measures where the person starts, the last closes the service with a post-test. */
export type SessionKind = 'pre-test' | 'counselling' | 'closing';

export interface ScheduledSession {
  /** `<period>-<nn>`: unique within the application, ordered as the plan. */
  sessionId: string;
  number: number;
  kind: SessionKind;
  /** The planned day (Seoul calendar, YYYY-MM-DD); the provider records the day it was really held. */
  plannedOn: string;
  plannedMinutes: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The Seoul calendar day of an instant. */
export function seoulDay(at: Date): string {
  return new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The programme's plan as dated sessions, one a week from the week after the service starts (DOMAIN.md
 * §2: child 4 a month for 12 months, parent weekly for 6 months, youth a pre-test, 8 sessions and a
 * closing session with a post-test). Pre- and post-tests are the first and the last session; a
 * longer pre-test (youth: 90 minutes) where the plan says so.
 */
export function sessionSchedule(plan: ServicePlan, period: number, startsAt: Date): ScheduledSession[] {
  const count = plannedSessions(plan);
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    const kind: SessionKind = number === 1 ? 'pre-test' : number === count ? 'closing' : 'counselling';
    return {
      sessionId: `${period}-${String(number).padStart(2, '0')}`,
      number,
      kind,
      plannedOn: seoulDay(new Date(startsAt.getTime() + number * 7 * DAY_MS)),
      plannedMinutes: kind === 'pre-test' && plan.preTestMinutes ? plan.preTestMinutes : plan.sessionMinutes,
    };
  });
}
