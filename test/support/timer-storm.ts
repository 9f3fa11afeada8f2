import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/applications/keys';
import { patched, youthExample } from './answers';
import { eventually, type clientsFor } from './clients';

/** The timer storm of issue 6: open review tasks whose 7-day heartbeats all fire at `+8d`. */
type Clients = ReturnType<typeof clientsFor>;

const TABLE = 'dolbom-dev';
export const STORM_DISTRICT = '11110';
const executionArn = (applicationId: string) => `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${applicationId}`;

/**
 * What an application awaiting review keeps scheduled in the local Step Functions service: its
 * review task's heartbeat, and its execution's one-year deadline (Standard's maximum execution time).
 */
export const ALARMS_PER_OPEN_REVIEW = 2;

export interface TimerStatus {
  scheduled: number;
  pending: number;
  lastDrain?: { fired: number; seconds: number };
}

export async function timerStatus(clients: Clients): Promise<TimerStatus> {
  const { status, body } = await clients.http('GET', '/local/timers');
  if (status !== 200) throw new Error(`GET /local/timers answered ${status}`);
  return body;
}

/** Open review tasks of the storm's district, counted from its task queue (GSI1). */
export async function openReviewTasks(clients: Clients): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await clients.db.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :open)',
        ExpressionAttributeValues: { ':pk': keys.districtTasks(STORM_DISTRICT), ':open': 'open#' },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/** On a fresh local cloud: submits `count` applications through the HTTP API and waits until each awaits review. */
export async function openReviews(clients: Clients, count: number, concurrency = 8): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) {
        const body = { programme: 'youth', answers: patched(youthExample, { applicant: { district: STORM_DISTRICT } }) };
        const key = randomUUID();
        // A loaded machine may answer 5xx; a retry with the same key is safe, as for any client.
        for (let attempt = 1; ; attempt++) {
          const { status, body: receipt } = await clients.http('POST', '/api/applications', body, { 'idempotency-key': key });
          if (status === 202) {
            ids.push(receipt.applicationId);
            break;
          }
          if (status < 500 || attempt === 5) throw new Error(`submission answered ${status}`);
          await sleep(1000 * attempt);
        }
      }
    }),
  );
  // Each task is open and its alarms armed (the cloud holds nothing else: no other timer is scheduled).
  const ready = async () =>
    (await timerStatus(clients)).scheduled === count * ALARMS_PER_OPEN_REVIEW && (await openReviewTasks(clients)) === count;
  await eventually(async () => ((await ready()) ? true : undefined), 'every review task and its alarms', 60 * 60_000);
  return ids;
}

export interface StormReport {
  drain: NonNullable<TimerStatus['lastDrain']>;
  /** Milliseconds each DescribeExecution sent while the storm drained took (answered before it had drained). */
  describeDuringStorm: number[];
}

/**
 * Advances the clock 8 days and, until the fired timers have drained, asks the Step Functions API
 * about the applications' executions, one after another.
 */
export async function stormAt8d(clients: Clients, applicationIds: string[]): Promise<StormReport> {
  const advanced = await clients.http('POST', '/local/clock', { advance: '+8d' });
  if (advanced.status !== 200) throw new Error(`POST /local/clock answered ${advanced.status}`);
  const describeDuringStorm: number[] = [];
  let status: TimerStatus = advanced.body.timers;
  for (let i = 0; status.pending > 0; i++) {
    const asked = performance.now();
    const execution = await clients.sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(applicationIds[i % applicationIds.length]!) }));
    const took = performance.now() - asked;
    if (execution.status !== 'RUNNING') throw new Error(`execution ${execution.name} is ${execution.status}`);
    status = await timerStatus(clients);
    if (status.pending > 0) describeDuringStorm.push(took);
    await sleep(100);
  }
  return { drain: status.lastDrain!, describeDuringStorm };
}

export function describeReport({ drain, describeDuringStorm }: StormReport): string {
  const sorted = [...describeDuringStorm].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(0);
  return (
    `${drain.fired} timers fired at +8d and drained in ${drain.seconds.toFixed(1)} s ` +
    `(${(drain.fired / drain.seconds).toFixed(1)} escalations/s); DescribeExecution meanwhile: ` +
    `${sorted.length} calls, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`
  );
}
