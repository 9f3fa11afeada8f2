/**
 * Issue 6, item 12: a review task said "due in 14 days" while its 7-day heartbeat escalated it on day
 * 7. The due date a case manager sees must be the moment the workflow escalates the task: the
 * heartbeat deadline, moved by each claim, and never later than the state's timeout.
 */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWork, LIFECYCLE_EXECUTION } from '../support/case-work';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';

let drill: DrillCloud;
let work: ReturnType<typeof caseWork>;

beforeAll(async () => {
  drill = await startDrillCloud('task-due-date');
  work = caseWork(drill.clients);
});

afterAll(async () => {
  await drill?.dispose();
});

const MINUTE = 60_000;

/** When the workflow will escalate the newest CaseManagerReview, read from the execution history as an operator would. */
async function escalationDeadlines(applicationId: string) {
  const events = await drill.clients.history(LIFECYCLE_EXECUTION(applicationId));
  let entered: string | undefined;
  let scheduled: HistoryEvent | undefined;
  for (const event of events) {
    if (event.stateEnteredEventDetails?.name) entered = event.stateEnteredEventDetails.name;
    if (event.type === 'TaskScheduled' && entered === 'CaseManagerReview') scheduled = event;
  }
  const details = scheduled!.taskScheduledEventDetails!;
  const at = scheduled!.timestamp!.getTime();
  return { heartbeatSeconds: details.heartbeatInSeconds!, heartbeat: at + details.heartbeatInSeconds! * 1000, timeout: at + details.timeoutInSeconds! * 1000 };
}

/** Moves the local clock to `target` (virtual time). */
async function clockTo(target: number) {
  const { body } = await drill.clients.http('GET', '/local/clock');
  const seconds = Math.ceil((target - Date.parse(body.now)) / 1000);
  if (seconds > 0) await drill.clients.advanceClock(`+${seconds}s`);
}

describe('the due date of a review task', () => {
  it('is when the workflow escalates it, before and after claims, and the escalation comes then', async () => {
    const jongno = await drill.clients.signIn('caseworker.jongno');
    const supervisor = await drill.clients.signIn('supervisor');
    const receipt = await work.submitYouth('11110');
    await work.untilStatus(receipt, 'awaiting-review');
    const task = await work.untilOpenTask(jongno, receipt.applicationId);
    const deadlines = await escalationDeadlines(receipt.applicationId);

    // Unclaimed, the task escalates when its heartbeat runs out: that is its due date.
    expect(Math.abs(Date.parse(task.dueAt) - deadlines.heartbeat)).toBeLessThan(MINUTE);
    const queued = await drill.clients.http('GET', '/api/staff/tasks', undefined, work.bearer(jongno));
    expect(queued.body.tasks.find((t: { taskId: string }) => t.taskId === task.taskId)?.dueAt).toBe(task.dueAt);

    // Ten minutes before it, the task is still open; a claim moves the due date a heartbeat on.
    await clockTo(Date.parse(task.dueAt) - 10 * MINUTE);
    const claim = () => drill.clients.http('POST', `/api/staff/tasks/${task.taskId}/claim`, undefined, work.bearer(jongno));
    const first = await claim();
    expect(first.status).toBe(200);
    expect(Date.parse(first.body.dueAt)).toBe(Date.parse(first.body.claimedAt) + deadlines.heartbeatSeconds * 1000);
    expect((await work.caseFile(jongno, receipt.applicationId)).tasks[0].dueAt).toBe(first.body.dueAt);

    // Claimed again near the end, the due date is the state's timeout, which no claim can move.
    await clockTo(Date.parse(first.body.dueAt) - 10 * MINUTE);
    const second = await claim();
    expect(second.status).toBe(200);
    expect(Math.abs(Date.parse(second.body.dueAt) - deadlines.timeout)).toBeLessThan(MINUTE);
    expect(Date.parse(second.body.dueAt)).toBeLessThan(Date.parse(second.body.claimedAt) + deadlines.heartbeatSeconds * 1000);

    // Past the due date the workflow escalates, recording the due date it missed, and opens a fresh task.
    await clockTo(Date.parse(second.body.dueAt) + MINUTE);
    const fresh = await work.untilOpenTask(jongno, receipt.applicationId, 'review', task.taskId);
    const escalations = (await work.auditTrail(supervisor, receipt.applicationId)).filter((e) => e.action === 'task.escalated');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.detail).toMatchObject({ taskId: task.taskId, reason: 'States.Timeout', dueAt: second.body.dueAt });
    expect(Date.parse(escalations[0]!.at)).toBeGreaterThanOrEqual(Date.parse(second.body.dueAt));
    expect(Math.abs(Date.parse(fresh.dueAt) - (await escalationDeadlines(receipt.applicationId)).heartbeat)).toBeLessThan(MINUTE);
  });
});
