/**
 * Resuming a failed application (docs/operations.md, "A failed execution"): once an operator has fixed
 * what made a step fail, the application goes back to the status it had and a new execution picks the
 * work up at the stage it was in. The rule is here, free of AWS; the route is resume-application.ts.
 *
 * What the rule needs, RecordWorkflowFailure keeps on the application (`failure`): the status the
 * failure replaced — the one fact nothing else holds reliably (audit events name a status only when a
 * step chose to) — and the failed execution's period and name. The stage follows from that status; the
 * next execution's name from the failed one's (`…-h<k>` → `…-h<k+1>`, start-lifecycle.ts), so a resume
 * started twice is started once.
 */
import type { Application, ApplicationStatus } from '../applications/application';
import type { StaffActor } from '../applications/audit';
import type { Stage } from './stages';
import { handoverOf, type LifecycleInput } from './start-lifecycle';

/** What RecordWorkflowFailure keeps on the application while it is `failed`. */
export interface WorkflowFailure {
  at: string;
  /** The status the failure replaced: the one the application returns to. */
  from: ApplicationStatus;
  /** The failed execution's period and name (its hand-over `-h<k>` and round `-r<n>` are in the name). */
  period: number;
  execution: string;
  /** The error type only (a cause may quote data). */
  error: string;
}

/** The latest resume of the application, kept on it (the audit trail has every one). */
export interface Resumption {
  at: string;
  by: StaffActor;
  /** What was fixed, in the resuming person's words: staff only. */
  reason: string;
  /** Where the work picked up, and the execution that picks it up. */
  stage: Stage;
  status: ApplicationStatus;
  input: LifecycleInput;
  execution: string;
  /** The failure it ended. */
  failure: WorkflowFailure;
}

export type ResumeRefusal = 'not-failed' | 'no-failure-record' | 'no-stage';

export type ResumePlan =
  | { kind: 'resume'; status: ApplicationStatus; stage: Stage; input: LifecycleInput }
  | { kind: 'refused'; why: ResumeRefusal };

type Place = Pick<LifecycleInput, 'period' | 'resume' | 'handover'> & { stage: Stage };

/**
 * Where a failed application resumes, and as which execution. Every step is idempotent and reads the
 * application, so starting a stage again is safe: a task still open is handed the new token, a place
 * still held is offered again, a period already started is waited on.
 */
export function planResume(application: Pick<Application, 'id' | 'status' | 'period' | 'reopened' | 'counsellorId' | 'closingRequest' | 'failure'>): ResumePlan {
  if (application.status !== 'failed') return { kind: 'refused', why: 'not-failed' };
  const failure = application.failure;
  // Failed before failures kept their status (or marked by hand): the runbook's manual procedure.
  if (!failure) return { kind: 'refused', why: 'no-failure-record' };
  const place = placeOf(failure, application);
  if (!place) return { kind: 'refused', why: 'no-stage' };
  const { stage, ...where } = place;
  // A reopened application's period-1 executions carry its round (start-lifecycle.ts executionName).
  const reopened = where.period === 1 && application.reopened ? { reopened: application.reopened } : {};
  return { kind: 'resume', status: failure.from, stage, input: { applicationId: application.id, ...where, ...reopened } };
}

function placeOf(failure: WorkflowFailure, application: Pick<Application, 'period' | 'reopened' | 'counsellorId' | 'closingRequest'>): Place | undefined {
  const { from, period } = failure;
  const next = { period, handover: handoverOf(failure.execution) + 1 };
  // A closing request (a case manager's, a citizen's withdrawal) was waiting to be carried out: carry it out.
  if (application.closingRequest) return { ...next, resume: 'closure', stage: 'closure' };
  switch (from) {
    case 'submitted':
    case 'screened':
      // A reopened application is eligible by a supervisor's override: its review, never the rules again.
      if (application.reopened) return { ...next, resume: 'review', stage: 'review' };
      // The eligibility decision is stored once: a second CheckEligibility answers it as it stands.
      return period === 1 ? { ...next, stage: 'eligibility' } : undefined;
    case 'awaiting-review':
    // A supplement round back to the case manager (answered or not): they may ask again.
    case 'supplement-requested':
      return { ...next, resume: 'review', stage: 'review' };
    case 'matching':
    case 'waitlisted':
      return { ...next, resume: 'matching', stage: 'matching' };
    case 'matched':
      // Accepted, the period not yet started: later periods' executions start there by themselves.
      return { ...next, ...(period === 1 ? { resume: 'service-start' as const } : {}), stage: 'service' };
    case 'in-service':
      return { ...next, resume: 'service', stage: 'service' };
    case 'reassessment':
      // A decision recorded just before the failure (and StartNextPeriod's or Closure's work) is asked for again.
      return { ...next, resume: 'reassessment', stage: 'reassessment' };
    case 'extended': {
      // The next period's own start, as StartNextPeriod makes it: at its service period with the
      // counsellor kept, at matching when the place was released.
      const start = application.counsellorId ? { stage: 'service' as const } : { resume: 'matching' as const, stage: 'matching' as const };
      // Failed in the period that recorded the extension (StartNextPeriod, before or after it started
      // the next execution): that execution, by its own name, which starting again finds if it exists.
      if (period === application.period) return { period: period + 1, ...start };
      // Failed at the start of the next period's execution (the application's period is set when its service starts).
      if (period === application.period + 1) return { ...next, ...start };
      return undefined;
    }
    default:
      return undefined;
  }
}
