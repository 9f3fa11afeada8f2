import { QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { local } from '../support/cloud-test';

/*
 * The provider registry over HTTP, as operators, an agency's own staff and case managers use it.
 * Counsellors made here are switched off at the end, so the matching tests after this file see the
 * seeded registry as it was (plus inactive entries).
 */

const TABLE = 'dolbom-dev';
const tokens: Record<string, string> = {};
const created: { agencyId: string; counsellorId: string }[] = [];

const as = (user: string) => ({
  get: (path: string) => local.http('GET', `/api/registry${path}`, undefined, { authorization: `Bearer ${tokens[user]}` }),
  post: (path: string, body: unknown) => local.http('POST', `/api/registry${path}`, body, { authorization: `Bearer ${tokens[user]}` }),
  put: (path: string, body: unknown) => local.http('PUT', `/api/registry${path}`, body, { authorization: `Bearer ${tokens[user]}` }),
});

const newAgency = {
  name: { ko: '시험 청년상담센터', en: 'Test Youth Counselling Centre' },
  district: '11740',
  address: '서울특별시 강동구 천호대로 1, 2층',
  phone: '02 470 1234',
  programmes: ['youth'],
  serviceTypes: ['youth-counselling'],
  openingHours: { weekdayDaytime: true, evening: true, saturday: false },
};

const newCounsellor = (fields: Record<string, unknown> = {}) => ({
  name: '시험상담',
  gender: 'male',
  languages: ['ko', 'vi'],
  qualifications: ['youth-counsellor'],
  trainings: [{ programme: 'youth', level: 'basic', completedOn: '2025-04-01' }],
  availability: { weekdayDaytime: false, evening: true, saturday: true },
  weeklyCapacity: 2,
  ...fields,
});

async function signalsFor(counsellorId: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await local.db.send(
      new ScanCommand({
        TableName: TABLE,
        FilterExpression: 'entity = :entity AND counsellorId = :id',
        ExpressionAttributeValues: { ':entity': 'CapacitySignal', ':id': counsellorId },
        ExclusiveStartKey,
      }),
    );
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

async function auditOf(agencyId: string): Promise<Record<string, any>[]> {
  const out = await local.db.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':audit': 'AUDIT#' },
    }),
  );
  return out.Items ?? [];
}

async function counsellorItem(agencyId: string, counsellorId: string) {
  const out = await local.db.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':sk': `COUNSELLOR#${counsellorId}` },
      ConsistentRead: true,
    }),
  );
  return out.Items![0]!;
}

beforeAll(async () => {
  for (const user of ['operator', 'provider.maeum', 'caseworker.jongno']) tokens[user] = await local.signIn(user);
});

afterAll(async () => {
  for (const { agencyId, counsellorId } of created) {
    await as('operator').put(`/agencies/${agencyId}/counsellors/${counsellorId}`, { active: false });
  }
});

describe('an operator', () => {
  let agencyId: string;

  it('registers an agency, which Dolbom gives an id', async () => {
    const response = await as('operator').post('/agencies', newAgency);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    agencyId = response.body.agencyId;
    expect(agencyId).toMatch(/^P-[0-9A-Z]{10}$/);
    expect(response.body).toMatchObject({ phone: '02-470-1234', district: '11740', labels: { district: { ko: '강동구' } } });
    expect((await as('operator').get(`/agencies/${agencyId}`)).body.name).toEqual(newAgency.name);
    const all = await as('operator').get('/agencies');
    expect(all.body.agencies.map((a: { agencyId: string }) => a.agencyId)).toEqual(expect.arrayContaining([agencyId, 'P-MAEUMSUP', 'P-HANUL']));
  });

  it('adds a counsellor, shown with what Dolbom derives, and the new places wake the waiting list', async () => {
    const response = await as('operator').post(`/agencies/${agencyId}/counsellors`, newCounsellor());
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { counsellorId } = response.body;
    created.push({ agencyId, counsellorId });
    expect(response.body).toMatchObject({
      agencyId,
      active: true,
      reserved: 0,
      freePlaces: 2,
      youthVoucherTypes: ['A'],
      qualifiedServiceTypes: ['youth-counselling'],
      servesProgrammes: ['youth'],
      labels: { qualifications: [{ id: 'youth-counsellor', label: { ko: '청소년상담사' } }] },
    });
    const [signal, ...more] = await signalsFor(counsellorId);
    expect(more).toEqual([]);
    expect(signal).toMatchObject({ sk: 'CAPACITY-SIGNAL', agencyId, counsellorId });
    expect(signal!.expiresAt).toBe(Math.floor(Date.parse(signal!.at as string) / 1000) + 7 * 24 * 3600);

    const audit = await auditOf(agencyId);
    expect(audit.map((e) => e.action).sort()).toEqual(['agency.created', 'counsellor.created']);
    expect(audit.every((e) => e.actor.userId === 'operator')).toBe(true);
  });

  it('moves an agency to another district, its counsellors with it', async () => {
    const response = await as('operator').put(`/agencies/${agencyId}`, { district: '11710' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.district).toBe('11710');
    const { counsellorId } = created.find((c) => c.agencyId === agencyId)!;
    expect((await counsellorItem(agencyId, counsellorId)).agencyDistrict).toBe('11710');
  });

  it('cannot lower a weekly capacity below the caseload: 409, naming the caseload', async () => {
    const made = await as('operator').post(`/agencies/${agencyId}/counsellors`, newCounsellor({ name: '시험부족', active: false, weeklyCapacity: 5 }));
    expect(made.status).toBe(201);
    const { counsellorId } = made.body;
    created.push({ agencyId, counsellorId });
    // Three places held, as offers and service starts would hold them (the workflow's part, not the registry's).
    await local.db.send(
      new UpdateCommand({ TableName: TABLE, Key: { pk: `AGENCY#${agencyId}`, sk: `COUNSELLOR#${counsellorId}` }, UpdateExpression: 'SET reserved = :three', ExpressionAttributeValues: { ':three': 3 } }),
    );

    const refused = await as('operator').put(`/agencies/${agencyId}/counsellors/${counsellorId}`, { weeklyCapacity: 2 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('capacity-below-caseload');
    expect(refused.body.error.message.ko).toContain('3건');
    expect(refused.body.error.message.en).toContain('3 cases');
    expect(refused.body.error.fields[0].field).toBe('weeklyCapacity');
    expect(await counsellorItem(agencyId, counsellorId)).toMatchObject({ weeklyCapacity: 5, reserved: 3 });

    const lowered = await as('operator').put(`/agencies/${agencyId}/counsellors/${counsellorId}`, { weeklyCapacity: 3 });
    expect(lowered.status).toBe(200);
    expect(lowered.body).toMatchObject({ weeklyCapacity: 3, reserved: 3, freePlaces: 0 });
    expect(await counsellorItem(agencyId, counsellorId)).toMatchObject({ weeklyCapacity: 3, reserved: 3 });

    // Back to active with every place taken frees nothing: no signal.
    expect((await as('operator').put(`/agencies/${agencyId}/counsellors/${counsellorId}`, { active: true })).status).toBe(200);
    expect(await signalsFor(counsellorId)).toEqual([]);
  });

  it('wakes the waiting list when a counsellor with free places comes back to active', async () => {
    const made = await as('operator').post(`/agencies/${agencyId}/counsellors`, newCounsellor({ name: '시험복귀', active: false, weeklyCapacity: 2 }));
    expect(made.status).toBe(201);
    const { counsellorId } = made.body;
    created.push({ agencyId, counsellorId });
    expect(await signalsFor(counsellorId)).toEqual([]);
    const back = await as('operator').put(`/agencies/${agencyId}/counsellors/${counsellorId}`, { active: true });
    expect(back.body).toMatchObject({ active: true, freePlaces: 2 });
    expect(await signalsFor(counsellorId)).toHaveLength(1);
  });

  it('gets 404 for an agency or a counsellor that does not exist', async () => {
    expect((await as('operator').get('/agencies/P-NOSUCHAGENCY')).status).toBe(404);
    expect((await as('operator').get('/agencies/not-an-id/counsellors')).status).toBe(404);
    expect((await as('operator').put('/agencies/P-MAEUMSUP/counsellors/C-NOSUCH-99', { weeklyCapacity: 3 })).status).toBe(404);
    expect((await as('operator').put('/agencies/P-NOSUCHAGENCY', { phone: '02-123-4567' })).status).toBe(404);
  });
});

describe("an agency's own staff (provider.maeum)", () => {
  let counsellorId: string;
  const path = () => `/agencies/P-MAEUMSUP/counsellors/${counsellorId}`;

  it('see only their own agency in the list', async () => {
    const response = await as('provider.maeum').get('/agencies');
    expect(response.status).toBe(200);
    expect(response.body.agencies.map((a: { agencyId: string }) => a.agencyId)).toEqual(['P-MAEUMSUP']);
  });

  it("add a counsellor and raise their capacity: a capacity signal, and none for a change that frees nothing", async () => {
    const made = await as('provider.maeum').post('/agencies/P-MAEUMSUP/counsellors', newCounsellor({ name: '시험마음', weeklyCapacity: 0 }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    counsellorId = made.body.counsellorId;
    created.push({ agencyId: 'P-MAEUMSUP', counsellorId });
    expect(await signalsFor(counsellorId)).toEqual([]);

    const raised = await as('provider.maeum').put(path(), { weeklyCapacity: 3 });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(raised.body.weeklyCapacity).toBe(3);
    expect(await signalsFor(counsellorId)).toHaveLength(1);

    const renamed = await as('provider.maeum').put(path(), { name: '시험마음바뀜' });
    expect(renamed.status).toBe(200);
    expect(await signalsFor(counsellorId)).toHaveLength(1);

    const listed = await as('provider.maeum').get('/agencies/P-MAEUMSUP/counsellors');
    expect(listed.body.counsellors.find((c: { counsellorId: string }) => c.counsellorId === counsellorId)).toMatchObject({ name: '시험마음바뀜', weeklyCapacity: 3 });
  });

  it('leave an audit trail of who changed which fields, without the text they typed', async () => {
    const changes = (await auditOf('P-MAEUMSUP')).filter((e) => e.counsellorId === counsellorId && e.action === 'counsellor.updated');
    expect(changes.map((e) => e.changed)).toEqual([['weeklyCapacity'], ['name']]);
    expect(changes[0]).toMatchObject({ actor: { kind: 'staff', userId: 'provider.maeum', groups: ['provider'] }, detail: { weeklyCapacityBefore: 0, weeklyCapacity: 3 } });
    expect(JSON.stringify(changes)).not.toContain('시험마음바뀜');
  });

  it("get 403 on another agency's entries, whether or not they exist", async () => {
    expect((await as('provider.maeum').put('/agencies/P-HANUL/counsellors/C-HANUL-01', { weeklyCapacity: 8 })).status).toBe(403);
    expect((await as('provider.maeum').post('/agencies/P-HANUL/counsellors', newCounsellor())).status).toBe(403);
    expect((await as('provider.maeum').put('/agencies/P-HANUL', { phone: '02-765-4321' })).status).toBe(403);
    expect((await as('provider.maeum').get('/agencies/P-HANUL')).status).toBe(403);
    expect((await as('provider.maeum').get('/agencies/P-HANUL/counsellors')).status).toBe(403);
    expect((await as('provider.maeum').get('/agencies/P-NOSUCHAGENCY')).status).toBe(403);
    expect((await as('provider.maeum').post('/agencies', newAgency)).status).toBe(403);
    expect((await counsellorItem('P-HANUL', 'C-HANUL-01')).weeklyCapacity).toBe(6);
  });
});

describe('a caseworker', () => {
  it('reads every agency and its counsellors, with what their qualifications let them serve', async () => {
    const agencies = await as('caseworker.jongno').get('/agencies');
    expect(agencies.status).toBe(200);
    expect(agencies.body.agencies.length).toBeGreaterThanOrEqual(30);
    const hanul = await as('caseworker.jongno').get('/agencies/P-HANUL/counsellors');
    expect(hanul.status).toBe(200);
    const music = hanul.body.counsellors.find((c: { qualifications: string[] }) => c.qualifications.includes('music-therapist'));
    expect(music).toMatchObject({ youthVoucherTypes: [], qualifiedServiceTypes: ['music-therapy'], weeklyCapacity: 1 });
    const maeum = (await as('caseworker.jongno').get('/agencies/P-MAEUMSUP/counsellors')).body.counsellors;
    expect(maeum.find((c: { counsellorId: string }) => c.counsellorId === 'C-MAEUMSUP-01')).toMatchObject({ youthVoucherTypes: ['A', 'B'] });
  });

  it('cannot change anything', async () => {
    expect((await as('caseworker.jongno').post('/agencies', newAgency)).status).toBe(403);
    expect((await as('caseworker.jongno').put('/agencies/P-HANUL', { phone: '02-765-4321' })).status).toBe(403);
    expect((await as('caseworker.jongno').post('/agencies/P-HANUL/counsellors', newCounsellor())).status).toBe(403);
    expect((await as('caseworker.jongno').put('/agencies/P-HANUL/counsellors/C-HANUL-01', { weeklyCapacity: 8 })).status).toBe(403);
  });
});

describe('bad input', () => {
  it('answers 400 with each field and the reason in Korean and English', async () => {
    const response = await as('operator').post('/agencies/P-MAEUMSUP/counsellors', newCounsellor({ youthVoucherTypes: ['B'], weeklyCapacity: 99, gender: 'x' }));
    expect(response.status).toBe(400);
    const fields = response.body.error.fields as { field: string; code: string; message: { ko: string; en: string } }[];
    expect(fields.map((f) => `${f.field}:${f.code}`).sort()).toEqual(['gender:choice', 'weeklyCapacity:range', 'youthVoucherTypes:derived-field']);
    for (const f of fields) {
      expect(f.message.ko).toMatch(/[가-힣]/);
      expect(f.message.en).toMatch(/[a-z]/);
    }
  });

  it('judges a change to service types against the programmes the agency keeps', async () => {
    const response = await as('provider.maeum').put('/agencies/P-MAEUMSUP', { programmes: ['youth'] });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((f: { field: string; code: string }) => f.code)).toEqual(expect.arrayContaining(['service-type-programme']));
    expect((await as('provider.maeum').get('/agencies/P-MAEUMSUP')).body.programmes).toEqual(['child-adolescent', 'parent', 'youth']);
  });

  it('refuses a body with reserved, and a counsellor of an agency that does not exist', async () => {
    const reserved = await as('operator').put('/agencies/P-MAEUMSUP/counsellors/C-MAEUMSUP-01', { reserved: 0, weeklyCapacity: 8 });
    expect(reserved.status).toBe(400);
    expect(reserved.body.error.fields).toEqual([expect.objectContaining({ field: 'reserved', code: 'reserved-not-typed' })]);
    expect((await as('operator').post('/agencies/P-NOSUCHAGENCY/counsellors', newCounsellor())).status).toBe(404);
  });
});
