import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { HISTORY_PAGE_SIZE, OLDER_PAGES_BUDGET, readLifecycle, type HistoryPageReader } from '../../../functions/lifecycle/execution-history';

/** A fake Step Functions: executions by name, each a list of state names (oldest first), paged newest first. */
function fakeHistories(executions: Record<string, { states: string[]; ended?: boolean }>, pageSize = 3) {
  const calls: { name: string; nextToken?: string }[] = [];
  const reader: HistoryPageReader = async (name, nextToken) => {
    calls.push({ name, ...(nextToken ? { nextToken } : {}) });
    const execution = executions[name];
    if (!execution) return undefined;
    const events: HistoryEvent[] = [
      { id: 1, type: 'ExecutionStarted', timestamp: new Date(0) } satisfies HistoryEvent,
      ...execution.states.map((state, i): HistoryEvent => ({ id: i + 2, type: 'TaskStateEntered', timestamp: new Date(1000 * (i + 1)), stateEnteredEventDetails: { name: state } })),
      ...(execution.ended ? [{ id: execution.states.length + 2, type: 'ExecutionSucceeded', timestamp: new Date(99_000) } satisfies HistoryEvent] : []),
    ].reverse();
    const start = nextToken ? Number(nextToken) : 0;
    const page = events.slice(start, start + pageSize);
    return { events: page, ...(start + pageSize < events.length ? { nextToken: String(start + pageSize) } : {}) };
  };
  return { reader, calls };
}

describe('readLifecycle', () => {
  it('follows each chain by name until a name does not exist: the first, its continuations, reopened rounds, next periods', async () => {
    const { reader, calls } = fakeHistories({
      A: { states: ['RouteByPeriod'], ended: true },
      'A-h1': { states: ['RouteByPeriod'], ended: true },
      'A-r1': { states: ['RouteByPeriod'], ended: true },
      'A-p2': { states: ['RouteByPeriod'], ended: true },
      'A-p2-h1': { states: ['RouteByPeriod', 'AwaitServicePeriod'] },
    });
    const traces = await readLifecycle({ id: 'A', period: 2, reopened: 1 }, reader);
    expect(traces.map((t) => t.name)).toEqual(['A', 'A-h1', 'A-r1', 'A-p2', 'A-p2-h1']);
    expect(traces.map((t) => t.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'RUNNING']);
    // One miss per chain ends it: A-h2, A-r1-h1, A-p2-h2.
    expect(calls.filter((c) => !c.nextToken).map((c) => c.name)).toEqual(['A', 'A-h1', 'A-h2', 'A-r1', 'A-r1-h1', 'A-p2', 'A-p2-h1', 'A-p2-h2']);
  });

  it('reads every page of a history, newest execution first, and the states come out oldest first', async () => {
    const states = ['RouteByPeriod', 'CheckEligibility', 'EligibilityOutcome', 'CaseManagerReview', 'RecordCaseManagerReviewDecision', 'ReviewDecision', 'MatchProvider'];
    const { reader } = fakeHistories({ A: { states } }, 2);
    const [trace] = await readLifecycle({ id: 'A', period: 1 }, reader);
    expect(trace!.entered.map((e) => e.state)).toEqual(states);
    expect(trace!.partial).toBe(false);
    expect(trace!.startedAt).toBe(new Date(0).toISOString());
  });

  it('stops reading older pages at its budget, and says the picture is partial; the newest pages are always read', async () => {
    const long = Array.from({ length: (OLDER_PAGES_BUDGET + 5) * 2 }, (_, i) => (i % 2 ? 'MatchProvider' : 'PlaceReserved'));
    const { reader, calls } = fakeHistories({ A: { states: long }, 'A-h1': { states: ['RouteByPeriod', 'MatchProvider', 'WaitForPlace'] } }, 2);
    const traces = await readLifecycle({ id: 'A', period: 1 }, reader);
    expect(calls.filter((c) => c.nextToken)).toHaveLength(OLDER_PAGES_BUDGET);
    expect(traces[0]!.partial).toBe(true);
    expect(traces[1]).toMatchObject({ partial: false });
    expect(traces[1]!.entered.at(-1)!.state).toBe('WaitForPlace');
  });

  it('asks for pages of 1,000 events', () => {
    expect(HISTORY_PAGE_SIZE).toBe(1000);
  });
});
