/**
 * Issue 6, item 1: the local Step Functions service checkpoints a review's task token before it
 * invokes `openHumanTask`. A crash in between must not leave the application `screened` with no task
 * until the 7-day escalation: as AWS retries the invocation it scheduled, the restarted service
 * invokes the function again with the same token.
 *
 * The crash is made deterministic in-process: the first service's `openHumanTask` invocation never
 * returns (nor runs), that service is abandoned as a crash would leave it, and a fresh service starts
 * on the same tables.
 */
import { randomUUID } from 'node:crypto';
import { GetExecutionHistoryCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApplication, listAudit } from '../../functions/applications/store';
import { tasksOfApplication } from '../../functions/review/task-store';
import { submitApplication } from '../../functions/submission/submit';
import type { InvokeLambda } from '../../workflows/local/task-handlers';
import { patched, youthExample } from '../support/answers';
import { eventually } from '../support/clients';
import { startInProcessCloud, type InProcessCloud } from '../support/in-process-cloud';

// The state machine calls the `live` alias (…:function:openHumanTask:live), as in AWS.
const isOpenHumanTask = (functionArn: string) => functionArn.split(':function:')[1]?.split(':')[0] === 'openHumanTask';

let cloud: InProcessCloud;

beforeAll(async () => {
  cloud = await startInProcessCloud('review-task-after-crash');
});

afterAll(async () => {
  await cloud?.dispose();
});

async function statusOf(applicationId: string) {
  return (await getApplication(applicationId))?.status;
}

describe('a crash between the task token checkpoint and the openHumanTask invocation', () => {
  it('still leaves a review task: the restarted service invokes openHumanTask again with the same token', async () => {
    // Before the crash: the invocation is scheduled with a checkpointed token, and never completes.
    let hungPayload: { taskToken: string } | undefined;
    const hangingOpenHumanTask: InvokeLambda = (functionArn, payload) => {
      if (!isOpenHumanTask(functionArn)) return cloud.runtime.invokeByArn(functionArn, payload);
      hungPayload = payload as { taskToken: string };
      return new Promise(() => {});
    };
    const before = await cloud.startStepFunctions(hangingOpenHumanTask);
    const body = { programme: 'youth', answers: patched(youthExample, { applicant: { district: '11110' } }) };
    const { applicationId } = await submitApplication({ body, idempotencyKey: randomUUID() });
    const executionArn = `${process.env.LIFECYCLE_STATE_MACHINE_ARN!.split(':').slice(0, 7).join(':').replace(':stateMachine:', ':execution:')}:${applicationId}`;
    const token = await eventually(async () => hungPayload?.taskToken, 'the openHumanTask invocation');
    // The history has caught up with the invocation, so nothing of the first service is still being written.
    await eventually(async () => {
      const { events = [] } = await before.sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }));
      return events[0]?.type === 'TaskStarted' ? true : undefined;
    }, 'the scheduled invocation in the history');
    expect(await statusOf(applicationId)).toBe('screened');
    await before.abandon();

    // After the restart: the same token reaches openHumanTask, which opens exactly one task.
    const invoked: { taskToken: string }[] = [];
    const after = await cloud.startStepFunctions((functionArn, payload) => {
      if (isOpenHumanTask(functionArn)) invoked.push(payload as { taskToken: string });
      return cloud.runtime.invokeByArn(functionArn, payload);
    });
    await eventually(async () => ((await statusOf(applicationId)) === 'awaiting-review' ? true : undefined), 'the application to await review', 20_000);
    expect(invoked.map((payload) => payload.taskToken)).toEqual([token]);
    const tasks = await tasksOfApplication(applicationId);
    expect(tasks.map(({ state, taskToken }) => ({ state, taskToken }))).toEqual([{ state: 'open', taskToken: token }]);

    // openHumanTask is idempotent: one more invocation with the same token creates nothing.
    const again = await cloud.runtime.invoke('openHumanTask', invoked[0]);
    expect(again).toEqual({ taskId: tasks[0]!.taskId });
    expect(await tasksOfApplication(applicationId)).toHaveLength(1);
    expect((await listAudit(applicationId)).filter((event) => event.action === 'task.opened')).toHaveLength(1);

    // The token issued before the crash answers the review.
    await after.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ decision: 'approve' }) }));
    await eventually(async () => ((await statusOf(applicationId)) === 'matching' ? true : undefined), 'the application to be matched to a provider');
    expect((await tasksOfApplication(applicationId)).map((task) => task.state)).toEqual(['decided']);
  });
});
