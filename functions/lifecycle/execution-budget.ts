/**
 * A Standard execution ends after a year, TIMED_OUT, which no Catch sees (workflows/local/executions.ts).
 * AWS says "1 year"; 365 days is the shorter reading, so what fits here fits there.
 */
export const EXECUTION_MAX_SECONDS = 365 * 24 * 60 * 60;

/**
 * Whether a fresh human task still fits in this execution: opened now, it may run to its timeout
 * (`nextTaskSeconds`), and what follows its decision may need `thenSeconds` more before the execution
 * hands over on its own (workflows/README.md, "The year's budget"). If not, the task is opened in a
 * new execution instead (continue-as-new), so a task nobody decides never outlives the year.
 */
export function freshTaskFits(executionStartedAt: string, nowMs: number, nextTaskSeconds: number, thenSeconds: number): boolean {
  const startedMs = Date.parse(executionStartedAt);
  return nowMs + (nextTaskSeconds + thenSeconds) * 1000 <= startedMs + EXECUTION_MAX_SECONDS * 1000;
}
