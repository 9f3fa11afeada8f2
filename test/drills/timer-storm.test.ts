/**
 * Issue 6, item 5 (second half): timers that fire together drain in bounded, reported time. After
 * `+8d` every open review task's 7-day heartbeat fires at once; the local cloud must escalate each
 * one exactly once (expired task, audited escalation, fresh task), keep its Step Functions API
 * answering while the storm drains, and say how many fired and how long they took.
 *
 * STORM_APPLICATIONS sets the count (default 200; keep it modest for CI). `npm run bench` has the
 * same storm as a figure.
 */
import { readFileSync } from 'node:fs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/applications/keys';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { ALARMS_PER_OPEN_REVIEW, describeReport, openReviewTasks, openReviews, stormAt8d, timerStatus } from '../support/timer-storm';

const APPLICATIONS = Number(process.env.STORM_APPLICATIONS ?? 200);

let cloud: DrillCloud;

beforeAll(async () => {
  cloud = await startDrillCloud('timer-storm');
});

afterAll(async () => {
  await cloud?.dispose();
});

/** The tasks and escalations of one application, read straight from its partition. */
async function partitionOf(applicationId: string) {
  const { Items = [] } = await cloud.clients.db.send(
    new QueryCommand({
      TableName: 'dolbom-dev',
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

describe('a timer storm: every open review task’s heartbeat fires at once', () => {
  it(`escalates each of ${APPLICATIONS} reviews once, answers the Step Functions API meanwhile, and reports the drain`, async () => {
    const applicationIds = await openReviews(cloud.clients, APPLICATIONS);
    expect((await timerStatus(cloud.clients)).pending).toBe(0);

    // The clock answers at once; a caller waits for the drain by polling the timers.
    const report = await stormAt8d(cloud.clients, applicationIds);
    console.log(`timer storm: ${describeReport(report)}`);
    expect(report.drain.fired).toBe(APPLICATIONS);
    expect(report.describeDuringStorm.length).toBeGreaterThan(0);
    expect(readFileSync(cloud.process.logFile, 'utf8')).toMatch(new RegExp(`timers: ${APPLICATIONS} fired together, drained in [\\d.]+ s`));

    // Nothing lost or doubled: one expired task, one audited escalation and one fresh open task each.
    for (const applicationId of applicationIds) {
      expect(await partitionOf(applicationId), applicationId).toEqual({ taskStates: ['expired', 'open'], escalations: 1 });
    }
    expect(await openReviewTasks(cloud.clients)).toBe(APPLICATIONS);
    expect((await timerStatus(cloud.clients)).scheduled).toBe(APPLICATIONS * ALARMS_PER_OPEN_REVIEW);
  });
});
