/**
 * Drill (issue 6, item 11): what a careless or hostile client types reaches the API as it is. Each
 * body below is a valid application or pre-check with one hostile answer; the local cloud must answer
 * 400 naming that answer — never 2xx, never 5xx — and store nothing: no application, no execution.
 */
import { randomUUID } from 'node:crypto';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childExample, parentExample, patched, youthExample } from '../support/answers';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';

const LIFECYCLE = 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle';

type Answers = Record<string, unknown>;
const examples: Record<string, Answers> = { youth: youthExample, 'child-adolescent': childExample, parent: parentExample };

interface Hostile {
  what: string;
  programme: 'youth' | 'child-adolescent' | 'parent';
  patch: Answers;
  field: string;
}

const facilityCarer = { basis: 'facility-carer', children: [], facilityName: '햇살아동센터' };

const hostileApplications: Hostile[] = [
  { what: 'a name with a right-to-left override (U+202E)', programme: 'youth', patch: { applicant: { name: '김\u202E돌봄' } }, field: 'answers.applicant.name' },
  { what: 'a name with a zero-width space', programme: 'youth', patch: { applicant: { name: '김\u200B돌봄' } }, field: 'answers.applicant.name' },
  { what: 'a name with a NUL', programme: 'youth', patch: { applicant: { name: '김\u0000돌봄' } }, field: 'answers.applicant.name' },
  { what: 'a name with a BEL', programme: 'youth', patch: { applicant: { name: '김돌봄\u0007' } }, field: 'answers.applicant.name' },
  { what: 'a name over two lines', programme: 'youth', patch: { applicant: { name: '김돌봄\r\n관리자' } }, field: 'answers.applicant.name' },
  { what: 'a name with a lone surrogate', programme: 'youth', patch: { applicant: { name: '김\uD800돌봄' } }, field: 'answers.applicant.name' },
  { what: 'a name of Hangul fillers only', programme: 'youth', patch: { applicant: { name: '\u3164\u3164' } }, field: 'answers.applicant.name' },
  { what: "a child's name with a bidi isolate", programme: 'child-adolescent', patch: { child: { name: '이\u2066하준' } }, field: 'answers.child.name' },
  {
    what: "a guardian's name over two lines",
    programme: 'parent',
    patch: { guardian: { name: '박\n보호', relation: 'parent', phone: '01022223333' } },
    field: 'answers.guardian.name',
  },
  { what: 'a facility name with a zero-width joiner', programme: 'parent', patch: { ...facilityCarer, facilityName: '햇살\u200D센터' }, field: 'answers.facilityName' },
  { what: 'an address with a NUL', programme: 'youth', patch: { applicant: { address: '서울시 관악구\u0000 관악로 1' } }, field: 'answers.applicant.address' },
  { what: 'an e-mail address of 5,011 characters', programme: 'youth', patch: { applicant: { email: `${'a'.repeat(5000)}@example.kr` } }, field: 'answers.applicant.email' },
  { what: 'the same concern 5,000 times', programme: 'youth', patch: { concerns: Array(5000).fill('anxiety') }, field: 'answers.concerns' },
  { what: 'the same concern twice', programme: 'youth', patch: { concerns: ['anxiety', 'anxiety'] }, field: 'answers.concerns' },
];

/** Pre-checks: only what the rules read. */
const prechecks: Record<string, Answers> = {
  youth: {
    applicant: { birthDate: '2000-07-07', district: '11620' },
    leavingCare: false,
    referredByMentalHealthCentre: false,
    otherYouthCounselling: false,
    counsellorType: 'A',
  },
  parent: {
    applicant: { birthDate: '1988-02-29', district: '11680' },
    household: { size: 3, monthlyIncome: 6_000_000, category: 'general' },
    basis: 'facility-carer',
    children: [],
    facilityName: '햇살아동센터',
    childEmotionalProblem: false,
    ownEmotionalProblem: false,
  },
};

/** Pre-checks with one read answer hostile, or with an answer a pre-check never asks. */
const hostilePrechecks: Hostile[] = [
  { what: 'a facility name with a right-to-left override', programme: 'parent', patch: { facilityName: '햇살\u202E센터' }, field: 'answers.facilityName' },
  { what: 'a facility name over two lines', programme: 'parent', patch: { facilityName: '햇살\r\n센터' }, field: 'answers.facilityName' },
  { what: 'a facility name of 5,000 characters', programme: 'parent', patch: { facilityName: '햇'.repeat(5000) }, field: 'answers.facilityName' },
  { what: 'a name with a NUL, which a pre-check never asks', programme: 'youth', patch: { applicant: { name: '김\u0000돌봄' } }, field: 'answers.applicant.name' },
  { what: 'the same concern 5,000 times, which a pre-check never asks', programme: 'youth', patch: { concerns: Array(5000).fill('anxiety') }, field: 'answers.concerns' },
];

let drill: DrillCloud;

async function storedItems(): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await drill.clients.db.send(new ScanCommand({ TableName: 'dolbom-dev', Select: 'COUNT', ExclusiveStartKey }));
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

async function executions(): Promise<number> {
  const out = await drill.clients.sfn.send(new ListExecutionsCommand({ stateMachineArn: LIFECYCLE }));
  return out.executions?.length ?? 0;
}

const refused = (status: number, body: { error?: { fields?: { field: string; message: { ko: string; en: string } }[] } }, field: string) => {
  expect(status, JSON.stringify(body).slice(0, 300)).toBe(400);
  const named = body.error?.fields?.find((f) => f.field === field);
  expect(named, JSON.stringify(body.error?.fields)).toBeDefined();
  expect(named!.message.ko).toMatch(/[가-힣]/);
  expect(named!.message.en).toMatch(/[A-Za-z]/);
};

describe('hostile input on a running local cloud', () => {
  let before: { items: number; executions: number };

  beforeAll(async () => {
    drill = await startDrillCloud('hostile-input');
    before = { items: await storedItems(), executions: await executions() };
  });
  afterAll(async () => drill?.dispose());

  describe('POST /api/applications answers 400 with the field named', () => {
    it.each(hostileApplications.map((h) => [h.what, h] as const))('%s', async (_what, hostile) => {
      const answers = patched(examples[hostile.programme]!, hostile.patch);
      const response = await drill.clients.http('POST', '/api/applications', { programme: hostile.programme, answers }, { 'idempotency-key': randomUUID() });
      refused(response.status, response.body, hostile.field);
    });
  });

  describe('POST /api/eligibility/check answers 400 with the field named', () => {
    it.each(hostilePrechecks.map((h) => [h.what, h] as const))('%s', async (_what, hostile) => {
      const answers = patched(prechecks[hostile.programme]!, hostile.patch);
      const response = await drill.clients.http('POST', '/api/eligibility/check', { programme: hostile.programme, answers });
      refused(response.status, response.body, hostile.field);
    });
  });

  it('stored nothing: no application, no idempotency record, no execution', async () => {
    expect(await storedItems()).toBe(before.items);
    expect(await executions()).toBe(before.executions);
  });
});
