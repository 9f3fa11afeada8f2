/**
 * The provider portal's routes against the local cloud: first with the real workflow (a case manager
 * approves, the agency answers in the portal, the application goes into service or to the next
 * candidate), then on offers and places written straight into DynamoDB Local (the shape the workflow
 * writes, through the contract's own `offerPut`), to reach every answer of the routes: scope, paging,
 * what is shown, audit, heartbeat, conflicts.
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/applications/keys';
import type { ProviderOffer } from '../../functions/matching/offer';
import { offerPut, offerQueueKey } from '../../functions/matching/offer-store';
import { eventually } from '../support/clients';
import { answerTask, local, statusOf, submission, submit, untilStatus, untilTaskToken, type Receipt } from '../support/cloud-test';
import { providerWork } from '../support/provider-offers';

const TABLE = 'dolbom-dev';
process.env.TABLE_NAME ??= TABLE;

const AGENCY = 'P-MAEUMSUP';
const OTHER_AGENCY = 'P-HANUL';
let counsellorId: string;
const HOUR = 60 * 60 * 1000;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function newOffer(applicationId: string, fields: Partial<ProviderOffer> = {}): ProviderOffer {
  const suffix = randomUUID().replaceAll('-', '').slice(0, 16);
  // The local cloud's clock may run ahead (other tests advance it): offers are dated by it.
  const created = cloudNow;
  return {
    offerId: `${applicationId}.${suffix}`,
    applicationId,
    period: 1,
    agencyId: AGENCY,
    counsellorId,
    programme: 'child-adolescent',
    serviceType: 'play-therapy',
    district: '11110',
    state: 'open',
    createdAt: new Date(created).toISOString(),
    dueAt: new Date(created + 48 * HOUR).toISOString(),
    timeoutAt: new Date(created + 7 * 24 * HOUR).toISOString(),
    heartbeatSeconds: 48 * 60 * 60,
    taskToken: `not-a-live-token-${suffix}`,
    score: 87,
    reason: { ko: '같은 구, 야간 가능', en: 'Same district, evenings possible' },
    ...fields,
  };
}

/** Items this file writes straight into the table: removed after it, so no other test meets them. */
const written: Record<string, unknown>[] = [];

async function putOffer(db: DynamoDBDocumentClient, offer: ProviderOffer): Promise<ProviderOffer> {
  await db.send(new PutCommand(offerPut(offer).Put!));
  written.push(keys.offer(offer.applicationId, offer.offerId));
  return offer;
}

async function storedOffer(offer: ProviderOffer): Promise<ProviderOffer> {
  const { Item } = await local.db.send(new GetCommand({ TableName: TABLE, Key: keys.offer(offer.applicationId, offer.offerId), ConsistentRead: true }));
  return Item as ProviderOffer;
}

/** What the workflow does when an offer lapses or is answered: closes it (state and queue key). */
async function closeOffer(offer: ProviderOffer, state: ProviderOffer['state']) {
  await local.db.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: keys.offer(offer.applicationId, offer.offerId),
      UpdateExpression: 'SET #state = :state, gsi1sk = :queue',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':state': state, ':queue': offerQueueKey({ ...offer, state }) },
    }),
  );
}

async function auditOf(applicationId: string) {
  const supervisor = await local.signIn('supervisor');
  const { status, body } = await local.http('GET', `/api/staff/applications/${applicationId}/audit`, undefined, bearer(supervisor));
  expect(status).toBe(200);
  return body.events as { action: string; actor: Record<string, unknown>; detail?: Record<string, unknown> }[];
}

let cloudNow = Date.now();
let provider: string;
let child: Receipt;
let youth: Receipt;

beforeAll(async () => {
  provider = await local.signIn('provider.maeum');
  [child, youth] = await Promise.all([submit(submission('child-adolescent')), submit(submission('youth'))]);
  await Promise.all([untilStatus(child, 'awaiting-review'), untilStatus(youth, 'awaiting-review')]);
  cloudNow = Date.parse((await statusOf(child)).submittedAt);
  // Registered, but inactive and without places: only the portal reads it (for the name); matching never offers it.
  const registered = await local.http(
    'POST',
    `/api/registry/agencies/${AGENCY}/counsellors`,
    {
      name: '정상담',
      gender: 'female',
      languages: ['ko'],
      qualifications: ['youth-counsellor'],
      trainings: [{ programme: 'youth', level: 'basic', completedOn: '2025-03-01' }],
      availability: { weekdayDaytime: true, evening: false, saturday: false },
      weeklyCapacity: 0,
      active: false,
    },
    bearer(await local.signIn('operator')),
  );
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  counsellorId = registered.body.counsellorId;
});

afterAll(async () => {
  for (const Key of written) await local.db.send(new DeleteCommand({ TableName: TABLE, Key }));
});

describe('an agency answering in the portal', () => {
  const work = providerWork(local);

  async function applicationItem(applicationId: string) {
    const { Item } = await local.db.send(new GetCommand({ TableName: TABLE, Key: keys.application(applicationId), ConsistentRead: true }));
    return Item!;
  }

  it('accepts: the service starts with its counsellor, the answer is recorded as the signed-in staff member’s', async () => {
    const receipt = await submit(submission('youth'));
    const counsellor = await work.approveOfferingTo(receipt, AGENCY);
    const offer = await work.untilPortalOffer(provider, receipt.applicationId);
    expect(offer).toMatchObject({ counsellor: { counsellorId: counsellor, name: expect.any(String) }, programme: { id: 'youth' }, person: { name: expect.stringMatching(/^시험/), phone: '010-5555-0000' } });
    expect(offer.reason.ko).toBeTruthy();

    // "We are looking at it": the workflow's heartbeat, and a later due date.
    const acknowledged = await local.http('POST', `/api/provider/offers/${offer.offerId}/acknowledge`, undefined, bearer(provider));
    expect(acknowledged.status).toBe(200);
    expect(Date.parse(acknowledged.body.dueAt)).toBeGreaterThanOrEqual(Date.parse(offer.dueAt));

    const accepted = await local.http('POST', `/api/provider/offers/${offer.offerId}/decision`, { decision: 'accept' }, bearer(provider));
    expect(accepted).toMatchObject({ status: 202, body: { offerId: offer.offerId, decision: 'accept' } });
    const serving = await untilStatus(receipt, 'in-service');
    expect(serving.servicePeriod.period).toBe(1);
    expect(await applicationItem(receipt.applicationId)).toMatchObject({ providerId: AGENCY, counsellorId: counsellor });
    // A retry of the same answer, after the workflow took it up, is still the same 202.
    expect((await local.http('POST', `/api/provider/offers/${offer.offerId}/decision`, { decision: 'accept' }, bearer(provider))).status).toBe(202);

    const trail = await auditOf(receipt.applicationId);
    const matched = trail.find((e) => e.action === 'provider.matched')!;
    expect(matched.actor).toMatchObject({ kind: 'staff', userId: 'provider.maeum', groups: ['provider'] });
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['offer.viewed', 'offer.acknowledged', 'provider.matched', 'service-period.started']));

    // It has left the open offers and joined the caseload.
    const open = await local.http('GET', '/api/provider/offers?state=open&limit=100', undefined, bearer(provider));
    expect(open.body.offers.map((o: { offerId: string }) => o.offerId)).not.toContain(offer.offerId);
    const caseload = await eventually(async () => {
      const { body } = await local.http('GET', '/api/provider/caseload', undefined, bearer(provider));
      return body.cases.find((c: { applicationId: string; state: string }) => c.applicationId === receipt.applicationId && c.state === 'serving');
    }, 'the case in the caseload');
    expect(caseload).toMatchObject({ status: 'in-service', counsellor: { counsellorId: counsellor }, serviceType: { id: 'youth-counselling' }, servicePeriod: { period: 1 } });
    const history = await local.http('GET', '/api/provider/offers?state=accepted&limit=100', undefined, bearer(provider));
    expect(history.body.offers.find((o: { offerId: string }) => o.offerId === offer.offerId)).toMatchObject({ answer: { decision: 'accept', by: 'provider.maeum' } });
  });

  it('declines with a reason: the place is released and the next candidate gets the offer', async () => {
    const receipt = await submit(submission('youth'));
    const counsellor = await work.approveOfferingTo(receipt, AGENCY);
    const offer = await work.untilPortalOffer(provider, receipt.applicationId);
    const firstToken = await untilTaskToken(receipt.applicationId, 'ProviderOffer');

    const declined = await local.http('POST', `/api/provider/offers/${offer.offerId}/decision`, { decision: 'decline', reason: 'schedule', note: '평일 오전만 가능' }, bearer(provider));
    expect(declined.status).toBe(202);
    const next = await eventually(async () => {
      const held = (await applicationItem(receipt.applicationId)).match?.reservation;
      return held && held.counsellorId !== counsellor ? held : undefined;
    }, 'the next reserved place');
    expect((await applicationItem(receipt.applicationId)).match.excludedCounsellorIds).toContain(counsellor);

    const decline = (await auditOf(receipt.applicationId)).find((e) => e.action === 'offer.declined')!;
    expect(decline).toMatchObject({ actor: { kind: 'staff', userId: 'provider.maeum' }, detail: { reason: 'schedule', offerId: offer.offerId } });
    const closed = await local.http('GET', '/api/provider/offers?state=declined&limit=100', undefined, bearer(provider));
    const card = closed.body.offers.find((o: { offerId: string }) => o.offerId === offer.offerId);
    expect(card).toMatchObject({ state: 'declined', answer: { decision: 'decline', reason: 'schedule', note: '평일 오전만 가능', by: 'provider.maeum' } });
    expect(card.person).toBeUndefined();

    // The next agency accepts (here straight through Step Functions), and the case leaves the waiting.
    await answerTask(receipt.applicationId, 'ProviderOffer', { decision: 'accept' }, firstToken);
    await untilStatus(receipt, 'in-service');
    expect(await applicationItem(receipt.applicationId)).toMatchObject({ providerId: next.agencyId, counsellorId: next.counsellorId });
  });
});

describe('GET /api/provider/offers', () => {
  it("lists the agency's open offers with whom to serve and call, and writes each read to the audit trail", async () => {
    const offer = await putOffer(local.db, newOffer(child.applicationId));
    const foreign = await putOffer(local.db, newOffer(child.applicationId, { agencyId: OTHER_AGENCY }));

    const { status, body } = await local.http('GET', '/api/provider/offers', undefined, bearer(provider));
    expect(status).toBe(200);
    const ids = body.offers.map((o: { offerId: string }) => o.offerId);
    expect(ids).toContain(offer.offerId);
    expect(ids).not.toContain(foreign.offerId);
    const card = body.offers.find((o: { offerId: string }) => o.offerId === offer.offerId);
    expect(card).toMatchObject({
      state: 'open',
      dueAt: offer.dueAt,
      programme: { id: 'child-adolescent', name: { ko: '아동·청소년 심리지원서비스' } },
      serviceType: { id: 'play-therapy', label: { ko: '놀이심리' } },
      cadence: { ko: '월 4회, 회당 50분' },
      district: { code: '11110', name: { ko: '종로구' } },
      counsellor: { counsellorId, name: '정상담' },
      reason: offer.reason,
      person: { name: '이하준' },
      guardian: { phone: '010-1234-5678', relation: { ko: '부모' } },
    });
    expect(card.guardian.name).toMatch(/^시험/);
    expect(Object.keys(card).sort()).toEqual(
      ['offerId', 'state', 'period', 'createdAt', 'dueAt', 'timeoutAt', 'programme', 'serviceType', 'cadence', 'district', 'counsellor', 'reason', 'person', 'guardian'].sort(),
    );
    expect(JSON.stringify(body)).not.toMatch(/taskToken|not-a-live-token|1409033|140903-3|monthlyIncome|household|consent|accessCode|birthDate|address/);

    const viewed = (await auditOf(child.applicationId)).filter((e) => e.action === 'offer.viewed');
    expect(viewed.length).toBeGreaterThan(0);
    expect(viewed.at(-1)).toMatchObject({ actor: { kind: 'staff', userId: 'provider.maeum', groups: ['provider'] }, detail: { offerId: expect.any(String), agencyId: AGENCY } });
  });

  it('pages soonest due first with an opaque cursor', async () => {
    const base = Date.parse('2099-01-01T00:00:00.000Z');
    const mine = await Promise.all(
      [3, 1, 2].map((day) => putOffer(local.db, newOffer(youth.applicationId, { programme: 'youth', serviceType: 'youth-counselling', dueAt: new Date(base + day * 24 * HOUR).toISOString() }))),
    );
    const seen: { offerId: string; dueAt: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await local.http('GET', `/api/provider/offers?state=open&limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, bearer(provider));
      expect(status).toBe(200);
      expect(body.offers.length).toBeLessThanOrEqual(2);
      seen.push(...body.offers);
      cursor = body.next;
      pages += 1;
    } while (cursor && pages < 100);
    expect(cursor).toBeUndefined();
    expect(new Set(seen.map((o) => o.offerId)).size).toBe(seen.length);
    const dueDates = seen.map((o) => o.dueAt);
    expect(dueDates).toEqual([...dueDates].sort());
    const order = [...mine].sort((a, b) => a.dueAt.localeCompare(b.dueAt)).map((o) => o.offerId);
    expect(seen.map((o) => o.offerId).filter((id) => order.includes(id))).toEqual(order);
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it("keeps a declined offer's answer but not who it was for, and audits no read of a person", async () => {
    const other = await submit(submission('youth'));
    await untilStatus(other, 'awaiting-review');
    const declined = await putOffer(
      local.db,
      newOffer(other.applicationId, {
        programme: 'youth',
        serviceType: 'youth-counselling',
        state: 'declined',
        answer: { decision: 'decline', reason: 'schedule', via: 'portal', by: { kind: 'staff', userId: 'provider.maeum', groups: ['provider'] }, at: new Date().toISOString(), id: 'ANSWER-ID' },
      }),
    );
    const { status, body } = await local.http('GET', '/api/provider/offers?state=declined', undefined, bearer(provider));
    expect(status).toBe(200);
    const card = body.offers.find((o: { offerId: string }) => o.offerId === declined.offerId);
    expect(card).toMatchObject({ state: 'declined', answer: { decision: 'decline', reason: 'schedule', reasonLabel: { ko: '일정이 맞지 않음' }, by: 'provider.maeum' } });
    expect(card.person).toBeUndefined();
    expect(JSON.stringify(card)).not.toContain('ANSWER-ID');
    expect((await auditOf(other.applicationId)).map((e) => e.action)).not.toContain('offer.viewed');
  });

  it('answers bad input with 400 and the field, in Korean and English', async () => {
    for (const query of ['state=bogus', 'limit=0', 'limit=abc', 'cursor=not-a-cursor']) {
      const { status, body } = await local.http('GET', `/api/provider/offers?${query}`, undefined, bearer(provider));
      expect(status, query).toBe(400);
      const field = body.error.fields[0];
      expect(query.startsWith(field.field), query).toBe(true);
      expect(field.message.ko).toBeTruthy();
      expect(field.message.en).toBeTruthy();
    }
    // A cursor made for another state is refused too.
    const cursor = Buffer.from(JSON.stringify({ state: 'accepted', dueAt: '2099-01-01T00:00:00.000Z', offerId: `${child.applicationId}.abcdefghijklmnop` })).toString('base64url');
    expect((await local.http('GET', `/api/provider/offers?cursor=${cursor}`, undefined, bearer(provider))).status).toBe(400);
  });

  it('is for agency staff only', async () => {
    expect((await local.http('GET', '/api/provider/offers')).status).toBe(401);
    const caseworker = await local.signIn('caseworker.jongno');
    expect((await local.http('GET', '/api/provider/offers', undefined, bearer(caseworker))).status).toBe(403);
    expect((await local.http('GET', '/api/provider/caseload', undefined, bearer(caseworker))).status).toBe(403);
  });
});

describe('POST /api/provider/offers/{offerId}/acknowledge', () => {
  it("sends the state's heartbeat and moves the due date a heartbeat on, never past the timeout", async () => {
    // A live token of a waiting execution (its review) stands in for the ProviderOffer state's.
    const taskToken = await untilTaskToken(child.applicationId, 'CaseManagerReview');
    const far = await putOffer(local.db, newOffer(child.applicationId, { taskToken }));
    const near = await putOffer(local.db, newOffer(child.applicationId, { taskToken, timeoutAt: new Date(cloudNow + 24 * HOUR).toISOString() }));

    const first = await local.http('POST', `/api/provider/offers/${far.offerId}/acknowledge`, undefined, bearer(provider));
    expect(first.status).toBe(200);
    expect(Date.parse(first.body.dueAt)).toBe(Date.parse(first.body.acknowledgedAt) + far.heartbeatSeconds * 1000);
    expect(await storedOffer(far)).toMatchObject({ dueAt: first.body.dueAt, acknowledgedAt: first.body.acknowledgedAt, gsi1sk: `open#${first.body.dueAt}#${far.offerId}` });

    const second = await local.http('POST', `/api/provider/offers/${near.offerId}/acknowledge`, undefined, bearer(provider));
    expect(second.status).toBe(200);
    expect(second.body.dueAt).toBe(near.timeoutAt);

    const acknowledged = (await auditOf(child.applicationId)).filter((e) => e.action === 'offer.acknowledged');
    expect(acknowledged.map((e) => e.detail?.offerId)).toEqual(expect.arrayContaining([far.offerId, near.offerId]));
  });

  it('answers 409 for an offer whose token is spent or that is closed, 403 for another agency, 404 for none', async () => {
    const spent = await putOffer(local.db, newOffer(child.applicationId));
    const closed = await putOffer(local.db, newOffer(child.applicationId, { state: 'expired' }));
    const foreign = await putOffer(local.db, newOffer(child.applicationId, { agencyId: OTHER_AGENCY }));
    const acknowledge = (offerId: string) => local.http('POST', `/api/provider/offers/${offerId}/acknowledge`, undefined, bearer(provider));

    const refused = await acknowledge(spent.offerId);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'offer-closed', message: { ko: expect.stringContaining('닫혔습니다'), en: expect.stringContaining('lapsed') } });
    expect((await storedOffer(spent)).acknowledgedAt).toBeUndefined();
    expect((await acknowledge(closed.offerId)).status).toBe(409);
    expect((await acknowledge(foreign.offerId)).status).toBe(403);
    expect((await acknowledge(`${child.applicationId}.zzzzzzzzzzzzzzzz`)).status).toBe(404);
    expect((await acknowledge('not-an-offer')).status).toBe(404);
  });
});

describe('POST /api/provider/offers/{offerId}/decision', () => {
  const decide = (offerId: string, body: unknown) => local.http('POST', `/api/provider/offers/${offerId}/decision`, body, bearer(provider));

  it('refuses an answer without what it needs, saying which field and why', async () => {
    const offer = await putOffer(local.db, newOffer(child.applicationId));
    const cases: [unknown, string, string][] = [
      [{ decision: 'decline' }, 'reason', 'decline-reason-required'],
      [{ decision: 'decline', reason: 'other' }, 'note', 'decline-note-required'],
      [{ decision: 'decline', reason: 'too-busy' }, 'reason', 'decline-reason'],
      [{ decision: 'maybe' }, 'decision', 'offer-decision'],
      [{ decision: 'accept', reason: 'schedule' }, 'reason', 'accept-no-reason'],
      [{ decision: 'accept', by: 'someone else' }, 'by', 'unrecognized-key'],
      [undefined, '', 'invalid-type'],
    ];
    for (const [body, field, code] of cases) {
      const response = await decide(offer.offerId, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.fields, JSON.stringify(body)).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
      for (const f of response.body.error.fields) expect(f.message.ko && f.message.en).toBeTruthy();
    }
    expect((await storedOffer(offer)).answer).toBeUndefined();
  });

  it("stores the signed-in person's answer; the same answer again gets the same 202, a different one 409", async () => {
    const offer = await putOffer(local.db, newOffer(child.applicationId));
    const decline = { decision: 'decline', reason: 'other', note: '  담당 상담사 장기 휴가  ' };
    const first = await decide(offer.offerId, decline);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ offerId: offer.offerId, decision: 'decline' });
    const stored = (await storedOffer(offer)).answer!;
    expect(stored).toMatchObject({ decision: 'decline', reason: 'other', note: '담당 상담사 장기 휴가', via: 'portal', by: { kind: 'staff', userId: 'provider.maeum' } });
    expect(stored.id).toMatch(/^[0-9a-f-]{36}$/);

    expect(await decide(offer.offerId, decline)).toMatchObject({ status: 202, body: { decision: 'decline' } });
    expect((await storedOffer(offer)).answer!.id).toBe(stored.id);
    const changed = await decide(offer.offerId, { decision: 'accept' });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('offer-answered-differently');
  });

  it('lets one of two answers sent at once win', async () => {
    const offer = await putOffer(local.db, newOffer(child.applicationId));
    const answers = await Promise.all([decide(offer.offerId, { decision: 'accept' }), decide(offer.offerId, { decision: 'decline', reason: 'schedule' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    const winner = answers.find((a) => a.status === 202)!.body.decision;
    expect((await storedOffer(offer)).answer!.decision).toBe(winner);
  });

  it('answers 409 with a message that the offer is closed once it lapsed, also to a retry of a stored answer', async () => {
    const lapsed = await putOffer(local.db, newOffer(child.applicationId, { state: 'expired' }));
    const refused = await decide(lapsed.offerId, { decision: 'accept' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'offer-closed', message: { ko: expect.any(String), en: expect.any(String) } });

    // Answered, then the offer lapsed before the workflow took the answer up: the retry's token is spent.
    const answered = await putOffer(local.db, newOffer(child.applicationId));
    expect((await decide(answered.offerId, { decision: 'accept' })).status).toBe(202);
    await closeOffer(answered, 'expired');
    const retry = await decide(answered.offerId, { decision: 'accept' });
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe('offer-closed');
  });

  it("answers 403 for another agency's offer and 404 for an unknown one", async () => {
    const foreign = await putOffer(local.db, newOffer(child.applicationId, { agencyId: OTHER_AGENCY }));
    expect((await decide(foreign.offerId, { decision: 'accept' })).status).toBe(403);
    expect((await storedOffer(foreign)).answer).toBeUndefined();
    expect((await decide(`${child.applicationId}.zzzzzzzzzzzzzzzz`, { decision: 'accept' })).status).toBe(404);
  });
});

describe('GET /api/provider/caseload', () => {
  it("lists the agency's places with where each application stands, and audits each read", async () => {
    const reservedAt = new Date().toISOString();
    await putOffer(local.db, newOffer(youth.applicationId, { programme: 'youth', serviceType: 'youth-counselling', state: 'accepted' }));
    for (const [agencyId, state] of [
      [AGENCY, 'serving'],
      [OTHER_AGENCY, 'offered'],
    ] as const) {
      written.push(keys.place(agencyId, counsellorId, youth.applicationId));
      await local.db.send(
        new PutCommand({
          TableName: TABLE,
          Item: {
            ...keys.place(agencyId, counsellorId, youth.applicationId),
            entity: 'Place',
            agencyId,
            counsellorId,
            applicationId: youth.applicationId,
            programme: 'youth',
            state,
            reservedAt,
            ...(state === 'serving' ? { servingSince: reservedAt } : {}),
          },
        }),
      );
    }
    const { status, body } = await local.http('GET', '/api/provider/caseload', undefined, bearer(provider));
    expect(status).toBe(200);
    const mine = body.cases.filter((c: { applicationId: string }) => c.applicationId === youth.applicationId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      state: 'serving',
      status: 'awaiting-review',
      statusLabel: { ko: '담당자 검토 중' },
      person: { name: expect.stringMatching(/^시험/), phone: '010-5555-0000' },
      programme: { id: 'youth' },
      serviceType: { id: 'youth-counselling', label: { ko: '청년 심리상담(10회 패키지)' } },
      counsellor: { counsellorId, name: '정상담' },
      reservedAt,
      servingSince: reservedAt,
    });
    expect(JSON.stringify(mine[0])).not.toMatch(/birthDate|address|concerns|anxiety|leavingCare|consent|receipt/);
    const read = (await auditOf(youth.applicationId)).filter((e) => e.action === 'caseload.viewed');
    expect(read.at(-1)).toMatchObject({ actor: { kind: 'staff', userId: 'provider.maeum' }, detail: { agencyId: AGENCY } });
  });
});
