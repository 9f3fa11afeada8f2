import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/applications/keys';
import { childExample, patched } from '../support/answers';
import { eventually } from '../support/clients';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';

// Issue 7, item 4: the waitlist batch reserves a place, then answers the waiting execution's token. A
// batch that dies in between must not leave the application waiting with a place held for it: the
// next batch answers the token, and nothing is reserved twice.

const TABLE = 'dolbom-dev';
const executionArn = (id: string) => `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${id}`;
// The seed's only psychomotor therapist, full (infra/local/seed-registry.ts).
const AGENCY = 'P-HANUL';
const COUNSELLOR = 'C-HANUL-09';

let cloud: DrillCloud;

beforeAll(async () => {
  cloud = await startDrillCloud('waitlist-batch-crash');
});

afterAll(async () => {
  await cloud?.dispose();
});

const get = async (key: Record<string, string>) => (await cloud.clients.db.send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }))).Item;

describe('a waitlist batch that dies between reserving a place and answering the token', () => {
  it('is finished by the next batch: the execution resumes to the offer, with the place reserved once', async () => {
    const { clients } = cloud;
    const answers = patched(childExample, { applicant: { district: '11110', name: `시험${randomUUID().slice(0, 6)}` }, serviceType: 'psychomotor' });
    const submitted = await clients.http('POST', '/api/applications', { programme: 'child-adolescent', answers }, { 'idempotency-key': randomUUID() });
    expect(submitted.status).toBe(202);
    const { applicationId } = submitted.body as { applicationId: string };
    const arn = executionArn(applicationId);
    const review = await eventually(() => clients.latestTaskToken(arn, 'CaseManagerReview'), 'the review task');
    await clients.sfn.send(new SendTaskSuccessCommand({ taskToken: review, output: '{"decision":"approve"}' }));
    const waitlistToken = await eventually(() => clients.latestTaskToken(arn, 'WaitForPlace'), 'the application waiting for a place');
    await eventually(async () => (await get(keys.waitlistEntry(applicationId))) ?? undefined, 'its waitlist entry');
    // Joining the list wrote a capacity signal of its own: let the cloud's batch for it run (and find
    // nothing free) before a place appears, or that batch, not the crashing one below, would take it.
    // The stream poller looks every second when idle (infra/local/stream-poller.ts).
    await sleep(4_000);

    // A place appears without a signal (so no batch of the cloud runs), and a batch run here reserves
    // it but cannot reach Step Functions: it dies after the reservation, before the token.
    await clients.db.send(
      new UpdateCommand({ TableName: TABLE, Key: keys.counsellor(AGENCY, COUNSELLOR), UpdateExpression: 'SET weeklyCapacity = :one', ExpressionAttributeValues: { ':one': 1 } }),
    );
    Object.assign(process.env, {
      TABLE_NAME: TABLE,
      AWS_ENDPOINT_URL_DYNAMODB: cloud.process.dynamodb,
      AWS_ENDPOINT_URL_SFN: 'http://127.0.0.1:9', // nothing listens: the batch "dies" at the token
      AWS_REGION: 'ap-northeast-2',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_MAX_ATTEMPTS: '1',
    });
    const { fillWaitlist } = await import('../../functions/matching/fill-waitlist');
    await expect(fillWaitlist()).rejects.toThrow();

    const held = (await get(keys.application(applicationId)))!;
    expect(held.status).toBe('waitlisted');
    expect(held.match.reservation).toMatchObject({ agencyId: AGENCY, counsellorId: COUNSELLOR, via: 'waitlist' });
    expect(await get(keys.waitlistEntry(applicationId))).toMatchObject({ assignedCounsellorId: COUNSELLOR, taskToken: waitlistToken });
    expect((await clients.history(arn)).at(-1)?.type).not.toBe('TaskSucceeded');

    // Anything that wakes the batch again (here a signal as a release writes one) finishes the job.
    await clients.db.send(new PutCommand({ TableName: TABLE, Item: { ...keys.capacitySignal(randomUUID()), entity: 'CapacitySignal', at: new Date().toISOString() } }));
    await eventually(() => clients.latestTaskToken(arn, 'ProviderOffer'), 'the execution resumed to the offer', 60_000);

    expect(await get(keys.waitlistEntry(applicationId))).toBeUndefined();
    expect((await get(keys.counsellor(AGENCY, COUNSELLOR)))!.reserved).toBe(1);
    const { Items: places } = await clients.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :place)',
        ExpressionAttributeValues: { ':pk': keys.agency(AGENCY).pk, ':place': `${keys.placePrefix}${COUNSELLOR}#` },
      }),
    );
    expect(places!.map((p) => p.applicationId)).toEqual([applicationId]);
    const { Items: audit } = await clients.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':audit': keys.auditPrefix },
      }),
    );
    expect(audit!.filter((e) => e.action === 'provider.reserved')).toHaveLength(1);
  });
});
