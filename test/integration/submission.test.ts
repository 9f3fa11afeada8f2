import { randomUUID } from 'node:crypto';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { prescreenAnswersSchema } from '../../forms';
import { LIFECYCLE, local, statusOf, submission, untilStatus } from '../support/cloud-test';

const stateMachineArn = `arn:aws:states:ap-northeast-2:000000000000:stateMachine:${LIFECYCLE}`;

async function applicationsNamed(name: string) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await local.db.send(
      new ScanCommand({
        TableName: 'dolbom-dev',
        FilterExpression: 'entity = :application AND answers.applicant.#name = :name',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':application': 'Application', ':name': name },
        ExclusiveStartKey,
      }),
    );
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

async function executionsNamed(name: string) {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn, nextToken, maxResults: 1000 }));
    names.push(...(out.executions ?? []).map((e) => e.name!).filter((n) => n === name || n.startsWith(`${name}-`)));
    nextToken = out.nextToken;
  } while (nextToken);
  return names;
}

describe('POST /api/applications', () => {
  it('answers 202 with the receipt and starts one execution named after the application', async () => {
    const body = submission('youth');
    const response = await local.http('POST', '/api/applications', body, { 'idempotency-key': randomUUID() });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ applicationId: expect.stringMatching(/^A/), receiptNumber: expect.any(String), accessCode: expect.any(String) });
    expect(response.headers.get('location')).toBe(`/api/applications/${response.body.applicationId}`);
    await untilStatus(response.body, 'awaiting-review');
    expect(await executionsNamed(response.body.applicationId)).toEqual([response.body.applicationId]);
  });

  it('makes exactly one application and one execution from 50 concurrent requests with one Idempotency-Key', async () => {
    const body = submission('youth');
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => local.http('POST', '/api/applications', body, { 'idempotency-key': key })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(202));
    const first = responses[0]!.body;
    for (const r of responses) expect(r.body).toEqual(first);

    const name = (body.answers.applicant as { name: string }).name;
    expect(await applicationsNamed(name)).toHaveLength(1);
    await untilStatus(first, 'awaiting-review');
    expect(await executionsNamed(first.applicationId)).toEqual([first.applicationId]);

    // The same key later, even with keys in another order, still gives the same answer.
    const reordered = { answers: body.answers, programme: body.programme };
    const again = await local.http('POST', '/api/applications', reordered, { 'idempotency-key': key });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first);
  });

  it('refuses the same Idempotency-Key with another body (409) and changes nothing', async () => {
    const key = randomUUID();
    const body = submission('youth');
    const first = await local.http('POST', '/api/applications', body, { 'idempotency-key': key });
    const other = submission('youth');
    const conflict = await local.http('POST', '/api/applications', other, { 'idempotency-key': key });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('idempotency-key-reused');
    expect(conflict.body.error.message.ko).toBeTruthy();
    expect(await applicationsNamed((other.answers.applicant as { name: string }).name)).toHaveLength(0);
    expect((await statusOf(first.body)).applicationId).toBe(first.body.applicationId);
  });

  it('refuses a malformed Idempotency-Key by name', async () => {
    const response = await local.http('POST', '/api/applications', submission('youth'), { 'idempotency-key': 'short' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe('Idempotency-Key');
  });

  it('names every invalid field in Korean and English', async () => {
    const body = submission('youth', { applicant: { phone: '02-123', birthDate: '2000-13-40', district: '99999' }, consent: undefined });
    const response = await local.http('POST', '/api/applications', body);
    expect(response.status).toBe(400);
    const fields = response.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['answers.applicant.phone', 'answers.applicant.birthDate', 'answers.applicant.district', 'answers.consent']));
    for (const f of response.body.error.fields) {
      expect(f.message.ko).toMatch(/[가-힣]/);
      expect(f.message.en).toMatch(/[a-z]/);
    }
  });

  it('answers 400 for malformed JSON, 415 for another media type, 413 for a body that is too large', async () => {
    expect((await local.http('POST', '/api/applications', '{"programme":', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await local.http('POST', '/api/applications', 'programme=youth', { 'content-type': 'text/plain' })).status).toBe(415);
    const huge = submission('youth', { concerns: ['x'.repeat(100_000)] });
    const tooLarge = await local.http('POST', '/api/applications', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message.en).toContain('too large');
  });
});

describe('GET /api/applications/{id} and the status lookup', () => {
  it('shows status and timeline only with the access code, the same 404 otherwise', async () => {
    const body = submission('youth');
    const receipt = (await local.http('POST', '/api/applications', body)).body;
    const view = await untilStatus(receipt, 'awaiting-review');
    expect(view.timeline[0]).toMatchObject({ status: 'submitted', text: { ko: '신청이 접수되었습니다.', en: 'We received your application.' } });
    expect(view.timeline[0]).not.toHaveProperty('action');
    expect(view).toMatchObject({ programmeName: { ko: expect.stringContaining('청년') }, districtName: { ko: '종로구' } });
    expect(JSON.stringify(view)).not.toContain('accessCodeHash');

    const wrong = await local.http('GET', `/api/applications/${receipt.applicationId}`, undefined, { 'x-access-code': 'AAAA-BBBB-CCCC' });
    const missing = await local.http('GET', `/api/applications/A${'0'.repeat(25)}`, undefined, { 'x-access-code': receipt.accessCode });
    expect(wrong.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(wrong.body).toEqual(missing.body);

    const lookup = await local.http('POST', '/api/applications/lookup', { receiptNumber: receipt.receiptNumber.toLowerCase(), accessCode: receipt.accessCode });
    expect(lookup.status).toBe(200);
    expect(lookup.body.applicationId).toBe(receipt.applicationId);
    const badLookup = await local.http('POST', '/api/applications/lookup', { receiptNumber: 'nope', accessCode: '' });
    expect(badLookup.status).toBe(400);
    expect(badLookup.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['accessCode', 'receiptNumber']);
  });
});

describe('POST /api/eligibility/check', () => {
  it('needs no name, contacts, consents or registration number', async () => {
    const { answers } = submission('child-adolescent');
    const { applicant, child, household, needEvidence } = answers as Record<string, Record<string, unknown>>;
    const response = await local.http('POST', '/api/eligibility/check', {
      programme: 'child-adolescent',
      answers: { applicant: { district: applicant!.district }, child: { birthDate: child!.birthDate, inHighSchool: false }, household, needEvidence },
    });
    expect(response.status).toBe(200);
    expect(response.body.criteria.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['seoul-residence', 'income']));
  });

  it('answers with the full explanation and stores nothing', async () => {
    const response = await local.http('POST', '/api/eligibility/check', prescreenAnswersSchema.parse(submission('youth')));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ outcome: 'eligible', copay: { ratePercent: 10 }, ruleVersion: { programme: 'youth' } });
    expect(response.body.criteria.every((c: { passed: boolean | null }) => c.passed === true)).toBe(true);
  });

  it('refuses a birth date after today with the message a submission gets, never a negative age', async () => {
    const drawn = prescreenAnswersSchema.parse(submission('youth'));
    const answers = { ...drawn.answers, applicant: { ...(drawn.answers.applicant as object), birthDate: '2099-01-01' } };
    const response = await local.http('POST', '/api/eligibility/check', { programme: 'youth', answers });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([
      {
        field: 'answers.applicant.birthDate',
        code: 'date-after-application',
        message: { ko: '신청인 생년월일은 신청일보다 늦을 수 없습니다', en: 'Applicant birth date cannot be after the application date' },
      },
    ]);
  });

  it('refuses a whole application, naming each answer it does not need, and stores nothing', async () => {
    const body = submission('youth');
    const response = await local.http('POST', '/api/eligibility/check', body);
    expect(response.status).toBe(400);
    const fields = response.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['answers.applicant.name', 'answers.applicant.phone', 'answers.consent']));
    expect(JSON.stringify(response.body)).not.toContain((body.answers.applicant as { name: string }).name);
    expect(await applicationsNamed((body.answers.applicant as { name: string }).name)).toHaveLength(0);
  });
});
