import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, ListExecutionsCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { childExample, parentExample, patched, youthExample } from './answers';
import { eventually, type clientsFor } from './clients';

export const LIFECYCLE = 'dolbom-dev-lifecycle';
export const LIFECYCLE_ARN = `arn:aws:states:ap-northeast-2:000000000000:stateMachine:${LIFECYCLE}`;
export const executionArn = (name: string) => `arn:aws:states:ap-northeast-2:000000000000:execution:${LIFECYCLE}:${name}`;

const examples = { youth: youthExample, 'child-adolescent': childExample, parent: parentExample };

/** A valid submission in a district with seeded providers (종로구), with a name unique to the test. */
export function submission(programme: keyof typeof examples = 'youth', patch: Record<string, unknown> = {}) {
  const answers = patched(examples[programme] as Record<string, unknown>, {
    applicant: { district: '11110', name: `시험${randomUUID().slice(0, 8)}` },
    ...patch,
  });
  return { programme, answers };
}

export interface Receipt {
  applicationId: string;
  receiptNumber: string;
  accessCode: string;
}

/**
 * The helpers tests drive an application with, bound to one local cloud: the integration run's shared one
 * (cloud-test.ts), or a cloud of a test's own (drill-cloud.ts) when its clock must move alone.
 */
export function cloudHelpers(local: ReturnType<typeof clientsFor>) {
  async function submit(body: unknown, key = randomUUID()): Promise<Receipt> {
    const response = await local.http('POST', '/api/applications', body, { 'idempotency-key': key });
    if (response.status !== 202) throw new Error(`submit: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function statusOf(receipt: Receipt) {
    const response = await local.http('GET', `/api/applications/${receipt.applicationId}`, undefined, { 'x-access-code': receipt.accessCode });
    return response.body;
  }

  function untilStatus(receipt: Receipt, status: string, timeoutMs = 30_000) {
    return eventually(
      async () => {
        const view = await statusOf(receipt);
        return view?.status === status ? view : undefined;
      },
      `application ${receipt.applicationId} to be ${status}`,
      timeoutMs,
    );
  }

  function untilTaskToken(execution: string, state: string, not?: string) {
    return eventually(async () => {
      const token = await local.latestTaskToken(executionArn(execution), state);
      return token && token !== not ? token : undefined;
    }, `a ${state} task token for ${execution}`);
  }

  function untilExecutionStatus(execution: string, status: string) {
    return eventually(async () => {
      const out = await local.sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(execution) }));
      return out.status === status ? out : undefined;
    }, `execution ${execution} to be ${status}`);
  }

  /** Answers a callback state of the application's execution straight through the Step Functions API. */
  async function answerTask(applicationId: string, state: string, output: unknown, not?: string): Promise<string> {
    const taskToken = await untilTaskToken(applicationId, state, not);
    await local.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return taskToken;
  }

  /** A case manager approves, and the agency offered the place accepts it: the application goes into service. */
  async function approveAndAccept(receipt: Receipt) {
    await untilStatus(receipt, 'awaiting-review');
    await answerTask(receipt.applicationId, 'CaseManagerReview', { decision: 'approve' });
    await answerTask(receipt.applicationId, 'ProviderOffer', { decision: 'accept' });
    const serving = await untilStatus(receipt, 'in-service');
    await untilServiceWaits(receipt.applicationId);
    return serving;
  }

  /**
   * The execution waits on the service period. A test advances the clock only from here: a jump while
   * a step still runs (AWS time never jumps) would move the period's end later by that jump.
   */
  function untilServiceWaits(execution: string) {
    return untilTaskToken(execution, 'AwaitServicePeriod');
  }

  /**
   * The application's running execution — whichever of its chain — is parked on a callback (its last
   * event is TaskSubmitted): nothing of it runs, so a clock jump cannot land on a step, and every timer
   * it will wait on is set. A handover starts the next execution apart from any timer, which is why
   * "no timer work pending" alone does not say the application waits. Resolves with `ended` once no
   * execution of the application runs (a handover starts the next before the last ends: no gap).
   */
  function untilApplicationWaits(applicationId: string) {
    return eventually(async () => {
      const { executions = [] } = await local.sfn.send(
        new ListExecutionsCommand({ stateMachineArn: LIFECYCLE_ARN, statusFilter: 'RUNNING', maxResults: 1000 }),
      );
      const running = executions.find((e) => e.name!.startsWith(applicationId));
      if (!running) return 'ended' as const;
      const { events = [] } = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn: running.executionArn!, reverseOrder: true, maxResults: 1 }));
      return events[0]?.type === 'TaskSubmitted' ? running : undefined;
    }, `an execution of ${applicationId} to wait on a callback`);
  }

  return { submit, statusOf, untilStatus, untilTaskToken, untilExecutionStatus, answerTask, approveAndAccept, untilServiceWaits, untilApplicationWaits };
}
