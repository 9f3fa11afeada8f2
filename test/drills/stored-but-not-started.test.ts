import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProgramme, submissionSchemaOn } from '../../forms';
import type { Application } from '../../functions/applications/application';
import { auditEvent } from '../../functions/applications/audit';
import { newApplicationId, newReceiptNumber } from '../../functions/applications/identifiers';
import { keys } from '../../functions/applications/keys';
import { newApplicationWrites } from '../../functions/applications/store';
import { patched, youthExample } from '../support/answers';
import { eventually } from '../support/clients';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';

// Issue 6, item 2: a submission stored by its transaction whose process died before StartExecution
// must still get its execution — without the citizen resending anything.

const TABLE = 'dolbom-dev';
const LIFECYCLE_ARN = 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle';
const executionArn = (applicationId: string) => `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${applicationId}`;

const STORED_DURING_CRASH = 20;

let cloud: DrillCloud;

beforeAll(async () => {
  cloud = await startDrillCloud('stored-not-started');
});

afterAll(async () => {
  await cloud?.dispose();
});

/** Exactly the transaction `submitApplication` commits before it starts the execution — and nothing after it. */
async function storeAsSubmitWould(): Promise<string> {
  process.env.TABLE_NAME = TABLE;
  const at = new Date();
  const submission = submissionSchemaOn(at).parse({
    programme: 'youth',
    answers: patched(youthExample, { applicant: { district: '11110' } }),
  });
  const programme = getProgramme(submission.programme);
  const answers = submission.answers as Record<string, unknown> & { consent: { general: { version: string }; sensitive: { version: string } } };
  const application: Application = {
    id: newApplicationId(),
    receiptNumber: newReceiptNumber(at),
    programme: programme.id,
    programmeVersion: programme.version,
    district: '11110',
    status: 'submitted',
    period: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    answers,
    consents: {
      general: { version: answers.consent.general.version, agreedAt: at.toISOString() },
      sensitive: { version: answers.consent.sensitive.version, agreedAt: at.toISOString() },
    },
    accessCodeHash: 'drill: the citizen never saw a receipt',
  };
  const audit = auditEvent({
    applicationId: application.id,
    at: application.createdAt,
    actor: { kind: 'citizen' },
    action: 'application.submitted',
    status: 'submitted',
    visibleToApplicant: true,
  });
  await cloud.clients.db.send(new TransactWriteCommand({ TransactItems: newApplicationWrites(application, audit) }));
  return application.id;
}

async function executionStatus(applicationId: string): Promise<string | undefined> {
  try {
    return (await cloud.clients.sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(applicationId) }))).status;
  } catch (error) {
    if ((error as Error).name === 'ExecutionDoesNotExist') return undefined;
    throw error;
  }
}

async function applicationStatus(applicationId: string): Promise<string | undefined> {
  const out = await cloud.clients.db.send(new GetCommand({ TableName: TABLE, Key: keys.application(applicationId), ConsistentRead: true }));
  return out.Item?.status as string | undefined;
}

function untilAwaitingReview(applicationId: string) {
  return eventually(
    async () => ((await applicationStatus(applicationId)) === 'awaiting-review' ? true : undefined),
    `application ${applicationId} to await review`,
    60_000,
  );
}

describe('an application stored but never started', () => {
  it('gets its execution after a crash right after the store, with no client retry', async () => {
    // The cloud dies (SIGKILL); its DynamoDB Local lives on, so the stores commit with no process
    // left to start anything — the moment between submit's transaction and its StartExecution.
    await cloud.process.crash();
    const applicationIds: string[] = [];
    for (let i = 0; i < STORED_DURING_CRASH; i++) applicationIds.push(await storeAsSubmitWould());
    await cloud.restart();

    const restarted = Date.now();
    for (const applicationId of applicationIds) {
      await eventually(async () => (await executionStatus(applicationId)) ?? undefined, `an execution for ${applicationId}`, 60_000);
      await untilAwaitingReview(applicationId);
    }
    console.log(`${STORED_DURING_CRASH} stored during the crash → all awaiting review ${Date.now() - restarted} ms after the restart`);
  });

  it('gets its execution while the cloud keeps running, with no restart', async () => {
    const stored = Date.now();
    const applicationId = await storeAsSubmitWould();
    await untilAwaitingReview(applicationId);
    console.log(`stored with no start → awaiting review ${Date.now() - stored} ms later`);
    expect(await executionStatus(applicationId)).toBe('RUNNING');
  });

  it('starts an application submitted through the API once, not twice', async () => {
    const body = { programme: 'youth', answers: patched(youthExample, { applicant: { district: '11110' } }) };
    const submitted = await cloud.clients.http('POST', '/api/applications', body, { 'idempotency-key': randomUUID() });
    expect(submitted.status).toBe(202);
    const { applicationId } = submitted.body as { applicationId: string };
    await untilAwaitingReview(applicationId);

    const executions = await cloud.clients.sfn.send(new ListExecutionsCommand({ stateMachineArn: LIFECYCLE_ARN, maxResults: 1000 }));
    expect(executions.executions!.filter((e) => e.name === applicationId)).toHaveLength(1);
    const audit = await cloud.clients.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':audit': keys.auditPrefix },
      }),
    );
    const actions = (audit.Items ?? []).map((item) => item.action as string);
    expect(actions.filter((a) => a === 'eligibility.checked')).toHaveLength(1);
  });
});
