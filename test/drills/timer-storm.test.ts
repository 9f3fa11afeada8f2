/**
 * Issue 6, item 5 (second half): timers that fire together drain in bounded, reported time. After
 * `+8d` every open review task's 7-day heartbeat fires at once; the local cloud must escalate each
 * one exactly once (expired task, audited escalation, fresh task), keep its Step Functions API
 * answering while the storm drains, and say how many fired and how long they took.
 *
 * STORM_APPLICATIONS sets the count (default 200; keep it modest for CI).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/applications/keys';
import { patched, youthExample } from '../support/answers';
import { eventually } from '../support/clients';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';

const APPLICATIONS = Number(process.env.STORM_APPLICATIONS ?? 200);
const TABLE = 'dolbom-dev';
const DISTRICT = '11110';
const executionArn = (applicationId: string) => `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${applicationId}`;

interface TimerStatus {
  pending: number;
  lastDrain?: { fired: number; seconds: number };
}

let cloud: DrillCloud;

beforeAll(async () => {
  cloud = await startDrillCloud('timer-storm');
});

afterAll(async () => {
  await cloud?.dispose();
});

async function submitAll(count: number, concurrency = 8): Promise<string[]> {
  const ids: string[] = [];
  const submitOne = async () => {
    const body = { programme: 'youth', answers: patched(youthExample, { applicant: { district: DISTRICT } }) };
    const { status, body: receipt } = await cloud.clients.http('POST', '/api/applications', body, { 'idempotency-key': randomUUID() });
    if (status !== 202) throw new Error(`submission answered ${status}`);
    ids.push(receipt.applicationId);
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await submitOne();
    }),
  );
  return ids;
}

async function openReviewTasks(): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await cloud.clients.db.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :open)',
        ExpressionAttributeValues: { ':pk': keys.districtTasks(DISTRICT), ':open': 'open#' },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/** The tasks and escalations of one application, read straight from its partition. */
async function partitionOf(applicationId: string) {
  const { Items = [] } = await cloud.clients.db.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk },
      ConsistentRead: true,
    }),
  );
  return {
    taskStates: Items.filter((item) => item.entity === 'Task').map((item) => item.state as string).sort(),
    escalations: Items.filter((item) => item.entity === 'AuditEvent' && item.action === 'task.escalated').length,
  };
}

async function timers(): Promise<TimerStatus> {
  const { status, body } = await cloud.clients.http('GET', '/local/timers');
  if (status !== 200) throw new Error(`GET /local/timers answered ${status}`);
  return body;
}

describe('a timer storm: every open review task’s heartbeat fires at once', () => {
  it(`escalates each of ${APPLICATIONS} reviews once, answers the Step Functions API meanwhile, and reports the drain`, async () => {
    const applicationIds = await submitAll(APPLICATIONS);
    await eventually(async () => ((await openReviewTasks()) === APPLICATIONS ? true : undefined), 'every application to await review', 120_000);
    expect((await timers()).pending).toBe(0);

    const advanced = await cloud.clients.http('POST', '/local/clock', { advance: '+8d' });
    expect(advanced.status).toBe(200);
    const stormStarted = performance.now();

    // While the storm drains, the Step Functions API answers; a caller waits by polling the timers.
    const answeredDuringStorm: number[] = [];
    let status = await timers();
    for (let i = 0; status.pending > 0; i++) {
      const asked = performance.now();
      const { status: executionStatus } = await cloud.clients.sfn.send(
        new DescribeExecutionCommand({ executionArn: executionArn(applicationIds[i % applicationIds.length]!) }),
      );
      const took = performance.now() - asked;
      expect(executionStatus).toBe('RUNNING');
      status = await timers();
      if (status.pending > 0) answeredDuringStorm.push(took);
      await sleep(100);
    }
    const waitedSeconds = (performance.now() - stormStarted) / 1000;
    const drain = status.lastDrain!;
    const sorted = [...answeredDuringStorm].sort((a, b) => a - b);
    console.log(
      `timer storm: ${drain.fired} timers fired at +8d, drained in ${drain.seconds.toFixed(1)} s (seen drained after ${waitedSeconds.toFixed(1)} s); ` +
        `DescribeExecution during the storm: ${sorted.length} calls, p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
    );
    expect(drain.fired).toBe(APPLICATIONS);
    expect(answeredDuringStorm.length).toBeGreaterThan(0);
    expect(readFileSync(cloud.process.logFile, 'utf8')).toMatch(new RegExp(`timers: ${APPLICATIONS} fired together, drained in [\\d.]+ s`));

    // Nothing lost or doubled: one expired task, one audited escalation and one fresh open task each.
    for (const applicationId of applicationIds) {
      expect(await partitionOf(applicationId), applicationId).toEqual({ taskStates: ['expired', 'open'], escalations: 1 });
    }
    expect(await openReviewTasks()).toBe(APPLICATIONS);
  });
});
