import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { DescribeExecutionCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { childExample, parentExample, patched, youthExample } from './answers';
import { clientsFor, eventually } from './clients';

/** The shared local cloud of the integration run (see test/integration/global-setup.ts). */
export const cloud = inject('cloud');
export const local = clientsFor(cloud);

export const LIFECYCLE = 'dolbom-dev-lifecycle';
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

export async function submit(body: unknown, key = randomUUID()): Promise<Receipt> {
  const response = await local.http('POST', '/api/applications', body, { 'idempotency-key': key });
  if (response.status !== 202) throw new Error(`submit: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function statusOf(receipt: Receipt) {
  const response = await local.http('GET', `/api/applications/${receipt.applicationId}`, undefined, { 'x-access-code': receipt.accessCode });
  return response.body;
}

export function untilStatus(receipt: Receipt, status: string, timeoutMs = 30_000) {
  return eventually(
    async () => {
      const view = await statusOf(receipt);
      return view?.status === status ? view : undefined;
    },
    `application ${receipt.applicationId} to be ${status}`,
    timeoutMs,
  );
}

export function untilTaskToken(execution: string, state: string, not?: string) {
  return eventually(async () => {
    const token = await local.latestTaskToken(executionArn(execution), state);
    return token && token !== not ? token : undefined;
  }, `a ${state} task token for ${execution}`);
}

export function untilExecutionStatus(execution: string, status: string) {
  return eventually(async () => {
    const out = await local.sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(execution) }));
    return out.status === status ? out : undefined;
  }, `execution ${execution} to be ${status}`);
}

/** Answers a callback state of the application's execution straight through the Step Functions API. */
export async function answerTask(applicationId: string, state: string, output: unknown, not?: string): Promise<string> {
  const taskToken = await untilTaskToken(applicationId, state, not);
  await local.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  return taskToken;
}

/** A case manager approves, and the agency offered the place accepts it: the application goes into service. */
export async function approveAndAccept(receipt: Receipt) {
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
export function untilServiceWaits(execution: string) {
  return untilTaskToken(execution, 'AwaitServicePeriod');
}
