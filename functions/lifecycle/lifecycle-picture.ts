import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { Text } from '../../forms/i18n';
import { FAILURE, isLifecycleState, markerStates, stageLabels, stageOfState, stages, type LifecycleStateName, type Stage } from './stages';

/**
 * The case page's picture of an application's lifecycle, reduced from the Step Functions history of
 * its executions (functions/lifecycle/execution-history.ts reads them). Pure: no AWS here.
 */

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** What the picture needs of one execution: the states it entered, oldest first. */
export interface ExecutionTrace {
  name: string;
  status: ExecutionStatus;
  startedAt?: string;
  stoppedAt?: string;
  entered: { state: LifecycleStateName; at: string }[];
  /** Older events of this execution were left unread (the read budget ran out). */
  partial: boolean;
}

export type Progress = 'done' | 'current' | 'upcoming' | 'skipped';

export interface StageView {
  stage: Stage;
  label: Text;
  progress: Progress;
  /** When the application first and last entered the stage (ISO), when known. */
  firstAt?: string;
  lastAt?: string;
  /** What happened inside the stage that a case manager asks about: supplements, the waiting list, periods. */
  notes: Text[];
}

export type Ending = 'closed' | 'rejected' | 'failed' | 'stopped';

export interface LifecyclePicture {
  stages: StageView[];
  current: Stage;
  ended?: Ending;
  /** Some history was too long to read whole: stages before the current one may lack dates. */
  partial: boolean;
  executions: { name: string; status: ExecutionStatus; startedAt?: string; stoppedAt?: string }[];
}

const END_STATUSES: Record<string, ExecutionStatus> = {
  ExecutionSucceeded: 'SUCCEEDED',
  ExecutionFailed: 'FAILED',
  ExecutionTimedOut: 'TIMED_OUT',
  ExecutionAborted: 'ABORTED',
};

/** The only events the picture reads: a state entered, and how an execution started and ended. */
export function isNeededEvent(event: HistoryEvent): boolean {
  return Boolean(event.stateEnteredEventDetails?.name) || event.type === 'ExecutionStarted' || (event.type !== undefined && event.type in END_STATUSES);
}

const iso = (value: Date | undefined): string | undefined => (value ? value.toISOString() : undefined);

/**
 * One execution's trace from its history events, in either order (the reader asks newest first).
 * `complete`: the events reach back to the execution's start. Unknown state names (a state added to
 * the definition after this code was deployed) are passed over rather than failing the page.
 */
export function traceOf(name: string, events: readonly HistoryEvent[], complete: boolean): ExecutionTrace {
  const ordered = [...events].sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  const entered: ExecutionTrace['entered'] = [];
  let status: ExecutionStatus = 'RUNNING';
  let startedAt: string | undefined;
  let stoppedAt: string | undefined;
  for (const event of ordered) {
    const state = event.stateEnteredEventDetails?.name;
    if (state && isLifecycleState(state)) entered.push({ state, at: iso(event.timestamp) ?? '' });
    if (event.type === 'ExecutionStarted') startedAt = iso(event.timestamp);
    const end = event.type ? END_STATUSES[event.type] : undefined;
    if (end) {
      status = end;
      stoppedAt = iso(event.timestamp);
    }
  }
  return { name, status, ...(startedAt ? { startedAt } : {}), ...(stoppedAt ? { stoppedAt } : {}), entered, partial: !complete };
}

const count = (n: number, ko: string, en: (n: number) => string): Text => ({ ko: `${ko} ${n}회`, en: en(n) });

/**
 * The picture of executions in the order they ran (the first, its continuations, a reopened round,
 * next periods). The current stage is the stage of the last state entered — where the application is,
 * or where it ended (closure, for a closed or rejected application).
 */
export function lifecyclePicture(executions: readonly ExecutionTrace[], submittedAt?: string): LifecyclePicture {
  const all = executions.flatMap((execution) => execution.entered);
  const partial = executions.some((execution) => execution.partial);
  const last = executions.at(-1);
  const inStages = all.filter((entry) => stageOfState[entry.state] !== FAILURE);
  const lastEntry = inStages.at(-1);
  const current: Stage = lastEntry ? (stageOfState[lastEntry.state] as Stage) : 'submission';
  const failed = last?.entered.some((entry) => stageOfState[entry.state] === FAILURE) ?? false;
  const ended: Ending | undefined = failed
    ? 'failed'
    : lastEntry && current === 'closure'
      ? (markerStates.rejected as readonly string[]).includes(lastEntry.state)
        ? 'rejected'
        : 'closed'
      : last && (last.status === 'TIMED_OUT' || last.status === 'ABORTED' || last.status === 'FAILED')
        ? 'stopped'
        : undefined;

  const times = new Map<Stage, { first: string; last: string }>();
  if (submittedAt) times.set('submission', { first: submittedAt, last: submittedAt });
  for (const { state, at } of inStages) {
    const stage = stageOfState[state] as Stage;
    const seen = times.get(stage);
    times.set(stage, { first: seen?.first ?? at, last: at });
  }
  const entries = (state: LifecycleStateName) => all.filter((entry) => entry.state === state).length;
  const notes: Record<Stage, Text[]> = {
    submission: [],
    eligibility: [],
    review: entries(markerStates.supplement) ? [count(entries(markerStates.supplement), '보완 요청', (n) => `${n} supplement request${n > 1 ? 's' : ''}`)] : [],
    matching: [
      ...(entries(markerStates.offer) ? [count(entries(markerStates.offer), '기관 제안', (n) => `${n} offer${n > 1 ? 's' : ''} to agencies`)] : []),
      ...(entries(markerStates.waitlist) ? [{ ko: '대기자 명단에서 대기', en: 'Waited on the waiting list' }] : []),
    ],
    service: servicePeriods(executions) > 1 ? [{ ko: `서비스 기간 ${servicePeriods(executions)}회차`, en: `Service period ${servicePeriods(executions)}` }] : [],
    reassessment: [],
    closure: ended === 'rejected' ? [{ ko: '반려', en: 'Rejected' }] : [],
  };
  if (ended === 'failed') notes[current].push({ ko: '처리 중 오류 — 감사 기록을 확인하세요', en: 'Failed here — see the audit trail' });
  if (ended === 'stopped') notes[current].push({ ko: '워크플로가 중단되었습니다', en: 'The workflow was stopped' });

  const currentIndex = stages.indexOf(current);
  const views = stages.map((stage, index): StageView => {
    const seen = times.get(stage);
    // A stage ahead is upcoming even if an earlier round passed it (a next period matched afresh, a
    // rejection reopened into review); one behind that was never entered was skipped (rejected early,
    // closed early) — unless the history was too long to read whole.
    const progress: Progress =
      index === currentIndex ? 'current' : index > currentIndex ? 'upcoming' : seen || partial ? 'done' : 'skipped';
    return { stage, label: stageLabels[stage], progress, ...(seen ? { firstAt: seen.first, lastAt: seen.last } : {}), notes: notes[stage] };
  });
  return {
    stages: views,
    current,
    ...(ended ? { ended } : {}),
    partial,
    executions: executions.map(({ name, status, startedAt, stoppedAt }) => ({ name, status, ...(startedAt ? { startedAt } : {}), ...(stoppedAt ? { stoppedAt } : {}) })),
  };
}

/** How many service periods began: an extension's execution is named `…-p<n>`. */
function servicePeriods(executions: readonly ExecutionTrace[]): number {
  let periods = 0;
  for (const execution of executions) {
    if (!execution.entered.some((entry) => (markerStates.servicePeriod as readonly string[]).includes(entry.state))) continue;
    periods = Math.max(periods, Number(/-p(\d+)(?:-h\d+)?$/.exec(execution.name)?.[1] ?? 1));
  }
  return periods;
}
