import { getProgrammeTerms } from '../../forms/terms';
import type { Text } from '../../forms/i18n';
import type { Application } from '../applications/application';
import { extensionCap, plannedSessions, type ExtensionCap } from '../service-period/plan';
import type { Session } from '../service-period/session';
import { attendanceOf, sessionLine, type Attendance, type SessionLine } from './attendance';
import { testResultsOf, type TestResults } from './test-results';

/** The plan of the period being re-assessed, and where it stands against the programme's caps. */
export interface PlanFacts {
  programme: string;
  programmeName: Text;
  cadence: Text;
  period: number;
  /** The most periods the caps allow (child 2, parent 2, youth 4). */
  maxPeriods: number;
  periodMonths: number;
  maxMonths: number;
  maxReassessments: number;
  startsAt?: string;
  endsAt?: string;
  endedAt?: string;
  sessionsPlanned: number;
}

/** What a case manager decides a re-assessment on (GET /api/staff/applications/{id}/evidence). */
export interface ReassessmentEvidence {
  applicationId: string;
  plan: PlanFacts;
  /** The current period's attendance, and its sessions in planned order. */
  attendance: Attendance;
  sessions: SessionLine[];
  /** Earlier periods' attendance, oldest first. */
  earlierPeriods: Attendance[];
  /** The current period's pre- and post-test and their change. */
  tests: TestResults;
  /** Whether the programme's caps allow another period, and why not when they do not. */
  extension: ExtensionCap;
}

/**
 * The evidence of a re-assessment, from the application and its sessions of every period: the plan,
 * the attendance, the pre/post scores and their change, and whether another extension is allowed.
 * Pure: the route reads the sessions (session-store.ts) and hands them in.
 */
export function reassessmentEvidence(
  application: Pick<Application, 'id' | 'programme' | 'period' | 'servicePeriod'>,
  sessions: readonly Session[],
): ReassessmentEvidence {
  const { plan, name } = getProgrammeTerms(application.programme);
  const current = application.period;
  const ofPeriod = (period: number) => sessions.filter((s) => s.period === period).sort((a, b) => a.number - b.number);
  const thisPeriod = ofPeriod(current);
  // The period on the application is the current one's only once it has started.
  const servicePeriod = application.servicePeriod?.period === current ? application.servicePeriod : undefined;
  return {
    applicationId: application.id,
    plan: {
      programme: application.programme,
      programmeName: name,
      cadence: plan.cadence,
      period: current,
      maxPeriods: Math.min(1 + plan.maxReassessments, Math.floor(plan.maxMonths / plan.periodMonths)),
      periodMonths: plan.periodMonths,
      maxMonths: plan.maxMonths,
      maxReassessments: plan.maxReassessments,
      ...(servicePeriod ? { startsAt: servicePeriod.startsAt, endsAt: servicePeriod.endsAt } : {}),
      ...(servicePeriod?.endedAt ? { endedAt: servicePeriod.endedAt } : {}),
      sessionsPlanned: servicePeriod?.sessionsPlanned ?? plannedSessions(plan),
    },
    attendance: attendanceOf(current, thisPeriod),
    sessions: thisPeriod.map(sessionLine),
    earlierPeriods: Array.from({ length: current - 1 }, (_, i) => attendanceOf(i + 1, ofPeriod(i + 1))),
    tests: testResultsOf(thisPeriod),
    extension: extensionCap(plan, current),
  };
}
