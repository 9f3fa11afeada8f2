import { TransactWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cancellationReasons, isTransientDynamoError } from '../../functions/commons/dynamo-errors';
import { eventually } from '../support/clients';
import { answerTask, executionArn, local, statusOf, submission, submit, untilStatus, untilTaskToken } from '../support/cloud-test';

const TABLE = 'dolbom-dev';

async function application(applicationId: string) {
  const { Item } = await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `APP#${applicationId}`, sk: 'APPLICATION' } }));
  return Item!;
}

async function counsellor(agencyId: string, counsellorId: string) {
  const { Item } = await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `AGENCY#${agencyId}`, sk: `COUNSELLOR#${counsellorId}` } }));
  return Item!;
}

async function placesOf(agencyId: string, counsellorId: string) {
  const { Items } = await local.db.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':prefix': `PLACE#${counsellorId}#` },
      ConsistentRead: true,
    }),
  );
  return Items ?? [];
}

async function operator() {
  return { authorization: `Bearer ${await local.signIn('operator')}` };
}

/** A fresh counsellor, through the registry API, with the given capacity. */
async function newCounsellor(weeklyCapacity: number, extra: Record<string, unknown>, agencyId: string) {
  const response = await local.http(
    'POST',
    `/api/registry/agencies/${agencyId}/counsellors`,
    {
      name: `시험상담사${randomUUID().slice(0, 4)}`,
      gender: 'female',
      languages: ['ko'],
      qualifications: ['psychomotor-therapist'],
      trainings: [{ programme: 'child-adolescent', level: 'basic', completedOn: '2025-03-01' }],
      availability: { weekdayDaytime: true, evening: false, saturday: false },
      weeklyCapacity,
      active: true,
      ...extra,
    },
    await operator(),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.counsellorId as string;
}

async function offerOf(applicationId: string, not?: string) {
  return eventually(async () => {
    const item = await application(applicationId);
    const held = item.match?.reservation;
    return held && held.counsellorId !== not ? held : undefined;
  }, `a reserved place for ${applicationId}`);
}

describe('offer and acceptance', () => {
  it('offers the best candidate, moves on after a decline, and starts the service with the counsellor who accepts', async () => {
    const receipt = await submit(submission('youth', { preferences: { counsellorGender: 'female', time: 'evening' } }));
    await untilStatus(receipt, 'awaiting-review');
    await answerTask(receipt.applicationId, 'CaseManagerReview', { decision: 'approve' });

    const first = await offerOf(receipt.applicationId);
    const stored = await application(receipt.applicationId);
    expect(stored.match.candidates.length).toBeGreaterThan(1);
    expect(stored.match.candidates[0]).toMatchObject({ counsellorId: first.counsellorId });
    expect(stored.match.candidates[0].reason.ko).toBeTruthy();
    expect(stored.match.candidates[0].reason.en).toBeTruthy();
    const before = await counsellor(first.agencyId, first.counsellorId);

    const declinedToken = await answerTask(receipt.applicationId, 'ProviderOffer', { decision: 'decline' });
    const second = await offerOf(receipt.applicationId, first.counsellorId);
    expect(second.counsellorId).not.toBe(first.counsellorId);
    expect((await application(receipt.applicationId)).match.excludedCounsellorIds).toEqual([first.counsellorId]);
    expect((await counsellor(first.agencyId, first.counsellorId)).reserved).toBe(before.reserved - 1);
    expect(await placesOf(first.agencyId, first.counsellorId)).not.toContainEqual(expect.objectContaining({ applicationId: receipt.applicationId }));

    await answerTask(receipt.applicationId, 'ProviderOffer', { decision: 'accept' }, declinedToken);
    const serving = await untilStatus(receipt, 'in-service');
    expect(serving.status).toBe('in-service');
    const matched = await application(receipt.applicationId);
    expect(matched).toMatchObject({ providerId: second.agencyId, counsellorId: second.counsellorId });
    expect(await placesOf(second.agencyId, second.counsellorId)).toContainEqual(
      expect.objectContaining({ applicationId: receipt.applicationId, state: 'serving' }),
    );

    const { Items: offers } = await local.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `APP#${receipt.applicationId}`, ':prefix': 'OFFER#' },
      }),
    );
    expect(offers!.map((o) => o.state).sort()).toEqual(['accepted', 'declined']);
    expect(JSON.stringify(await statusOf(receipt))).not.toContain(first.counsellorId);
  });

  it('lets an offer nobody answers lapse: the place is released and the next candidate gets the offer', async () => {
    const receipt = await submit(submission('youth'));
    await untilStatus(receipt, 'awaiting-review');
    await answerTask(receipt.applicationId, 'CaseManagerReview', { decision: 'approve' });
    const first = await offerOf(receipt.applicationId);
    const lapsed = await untilTaskToken(receipt.applicationId, 'ProviderOffer');
    await local.advanceClock('+3d'); // past the 2-day heartbeat: nobody acknowledged it
    const second = await offerOf(receipt.applicationId, first.counsellorId);
    expect(second.counsellorId).not.toBe(first.counsellorId);
    await answerTask(receipt.applicationId, 'ProviderOffer', { decision: 'accept' }, lapsed);
    await untilStatus(receipt, 'in-service');
  });
});

describe('the waiting list', () => {
  it('waits without polling, and resumes when a counsellor gets room: the batch assigns, the agency accepts', async () => {
    // Only one counsellor in Seoul offers psychomotor therapy, and the seed has them full.
    const receipt = await submit(submission('child-adolescent', { applicant: { district: '11110' }, serviceType: 'psychomotor' }));
    await untilStatus(receipt, 'awaiting-review');
    await answerTask(receipt.applicationId, 'CaseManagerReview', { decision: 'approve' });
    await untilStatus(receipt, 'waitlisted');
    const waiting = await eventually(async () => {
      const history = await local.history(executionArn(receipt.applicationId));
      return history.at(-1)?.type === 'TaskSubmitted' || history.some((e) => e.stateEnteredEventDetails?.name === 'WaitForPlace') ? history : undefined;
    }, 'the execution waiting for a place');

    for (let day = 0; day < 10; day += 1) await local.advanceClock('+1d');
    const after = await local.history(executionArn(receipt.applicationId));
    expect(after.length).toBe(waiting.length);

    // The agency raises its psychomotor therapist's capacity: the batch gives the place to the one waiting.
    const counsellorId = 'C-HANUL-09';
    const raised = await local.http('PUT', `/api/registry/agencies/P-HANUL/counsellors/${counsellorId}`, { weeklyCapacity: 1 }, await operator());
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    const held = await offerOf(receipt.applicationId);
    expect(held).toMatchObject({ counsellorId, via: 'waitlist' });
    await answerTask(receipt.applicationId, 'ProviderOffer', { decision: 'accept' });
    await untilStatus(receipt, 'in-service');
    expect((await counsellor('P-HANUL', counsellorId)).reserved).toBe(1);
    expect(await placesOf('P-HANUL', counsellorId)).toEqual([expect.objectContaining({ applicationId: receipt.applicationId, state: 'serving' })]);
  });
});

describe('capacity', () => {
  it('is never overbooked: 100 simultaneous reservations on 5 free places → exactly 5, and the counts agree', async () => {
    process.env.TABLE_NAME = TABLE;
    const { reserveWrites } = await import('../../functions/matching/places');
    // Qualified for nothing any programme asks of its training: no application (and no batch) takes these places.
    const counsellorId = await newCounsellor(5, {
      qualifications: ['cognitive-learning-therapist'],
      trainings: [{ programme: 'parent', level: 'basic', completedOn: '2025-03-01' }],
    }, 'P-MAEUMSUP');
    // Each reservation is retried while DynamoDB reports contention, as the workflow's Retry does;
    // only the capacity condition may say no.
    const reserve = async (): Promise<'reserved' | 'full'> => {
      const writes = reserveWrites({
        agencyId: 'P-MAEUMSUP',
        counsellorId,
        applicationId: randomUUID(),
        programme: 'child-adolescent',
        state: 'offered',
        reservedAt: new Date().toISOString(),
      });
      for (;;) {
        try {
          await local.db.send(new TransactWriteCommand({ TransactItems: writes }));
          return 'reserved';
        } catch (error) {
          const reasons = cancellationReasons(error) ?? [];
          if (reasons[0] === 'ConditionalCheckFailed') return 'full';
          if (!isTransientDynamoError(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 50));
        }
      }
    };
    const outcomes = await Promise.all(Array.from({ length: 100 }, reserve));
    expect(outcomes.filter((o) => o === 'reserved')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'full')).toHaveLength(95);
    expect((await counsellor('P-MAEUMSUP', counsellorId)).reserved).toBe(5);
    expect(await placesOf('P-MAEUMSUP', counsellorId)).toHaveLength(5);
  });
});
