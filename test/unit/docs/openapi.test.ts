import { describe, expect, it } from 'vitest';
import { programmes } from '../../../forms';
import { openApiDocument } from '../../../functions/docs/openapi-document';
import { routes } from '../../../functions/routes';

const document = openApiDocument();
const submission = document.components.schemas.Submission as { oneOf?: Record<string, any>[]; anyOf?: Record<string, any>[] };

describe('the OpenAPI document', () => {
  it('lists every route of the route list, staff routes behind the bearer scheme', () => {
    for (const route of routes) {
      const operation = (document.paths[route.path] as Record<string, { operationId: string; security: unknown[] }>)[route.method.toLowerCase()]!;
      expect(operation.operationId).toBe(route.handler);
      expect(operation.security).toEqual(route.access === 'public' ? [] : [{ staffJwt: [] }]);
    }
  });

  it('describes the submission body from the programme schemas themselves', () => {
    const options = submission.oneOf ?? submission.anyOf ?? [];
    expect(options.map((o) => o.properties.programme.const).sort()).toEqual(programmes.map((p) => p.id).sort());
    const youth = options.find((o) => o.properties.programme.const === 'youth')!;
    expect(youth.properties.answers.required).toEqual(expect.arrayContaining(['applicant', 'consent']));
    expect(youth.properties.answers.properties.applicant.properties.district.enum).toHaveLength(25);
    const child = options.find((o) => o.properties.programme.const === 'child-adolescent')!;
    expect(child.properties.answers.properties).toHaveProperty('rrn');
    expect(youth.properties.answers.properties).not.toHaveProperty('rrn');
  });

  it('describes the pre-check body as what the rules read, and nothing else', () => {
    const prescreen = document.components.schemas.Prescreen as { oneOf?: Record<string, any>[]; anyOf?: Record<string, any>[] };
    const options = prescreen.oneOf ?? prescreen.anyOf ?? [];
    expect(options).toHaveLength(programmes.length);
    for (const option of options) {
      expect(option.additionalProperties).toBe(false);
      const { applicant, ...rest } = option.properties.answers.properties;
      expect(option.properties.answers.additionalProperties).toBe(false);
      expect(applicant.additionalProperties).toBe(false);
      expect(Object.keys(applicant.properties)).not.toContain('name');
      expect(Object.keys(rest)).not.toContain('rrn');
      expect(Object.keys(rest)).not.toContain('consent');
    }
  });

  it('describes the registry bodies from their schemas: strict, and naming what is derived as never accepted', () => {
    const body = (method: string, path: string) =>
      (document.paths[path] as Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>)[method]!.requestBody!.content['application/json']!.schema.$ref;
    expect(body('post', '/api/registry/agencies')).toBe('#/components/schemas/AgencyCreate');
    expect(body('put', '/api/registry/agencies/{agencyId}')).toBe('#/components/schemas/AgencyUpdate');
    expect(body('post', '/api/registry/agencies/{agencyId}/counsellors')).toBe('#/components/schemas/CounsellorCreate');
    expect(body('put', '/api/registry/agencies/{agencyId}/counsellors/{counsellorId}')).toBe('#/components/schemas/CounsellorUpdate');

    const schemas = document.components.schemas as Record<string, Record<string, any>>;
    expect(schemas.AgencyCreate!.additionalProperties).toBe(false);
    expect(schemas.AgencyCreate!.properties.district.enum).toHaveLength(25);
    expect(schemas.AgencyUpdate!.required ?? []).toEqual([]);
    for (const name of ['CounsellorCreate', 'CounsellorUpdate']) {
      const counsellor = schemas[name]!;
      expect(counsellor.additionalProperties, name).toBe(false);
      expect(counsellor.properties.weeklyCapacity).toMatchObject({ minimum: 0, maximum: 40 });
      for (const kept of ['youthVoucherTypes', 'qualifiedServiceTypes', 'freePlaces', 'reserved']) {
        expect(counsellor.properties[kept], `${name}.${kept}`).toEqual({ not: {} });
      }
    }
    expect(schemas.CounsellorCreate!.required).toEqual(expect.arrayContaining(['name', 'qualifications', 'weeklyCapacity']));
    expect(schemas.CounsellorCreate!.required).not.toContain('reserved');
  });

  it('documents the decision body, with the counsellor chosen on approval, and the candidate list', () => {
    const decision = document.paths['/api/staff/tasks/{taskId}/decision']!.post as { requestBody: { content: Record<string, { schema: { $ref: string } }> } };
    expect(decision.requestBody.content['application/json']!.schema.$ref).toBe('#/components/schemas/Decision');
    const body = document.components.schemas.Decision as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(body.properties).sort()).toEqual(['closingSessionMissing', 'counsellorId', 'decision', 'note', 'rejection', 'supplement']);
    expect(body.required).toEqual(['decision']);
    expect(body.properties.counsellorId!.description).toMatch(/^approve only/);
    expect(body.properties.rejection!.description).toMatch(/^reject only, and required with it/);
    const rejection = body.properties.rejection as { properties: Record<string, { enum?: string[] }> };
    expect(rejection.properties.reason!.enum).toContain('income-over-threshold');

    const override = document.components.schemas.EligibilityOverride as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(override.properties).sort()).toEqual(['note', 'outcome', 'rejectionReason']);
    expect(override.required.sort()).toEqual(['note', 'outcome']);

    const candidates = document.paths['/api/staff/applications/{applicationId}/candidates']!.get as { responses: Record<string, any> };
    expect(candidates.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/CandidateList');
    const candidate = document.components.schemas.Candidate as { properties: Record<string, unknown> };
    expect(Object.keys(candidate.properties)).toEqual(expect.arrayContaining(['counsellorFirstName', 'agencyName', 'agencyDistrict', 'score', 'parts', 'reason']));
  });

  it('documents the re-assessment evidence, the extension cap with its reason among it', () => {
    const evidence = document.paths['/api/staff/applications/{applicationId}/evidence']!.get as { responses: Record<string, any>; security: unknown[] };
    expect(evidence.security).toEqual([{ staffJwt: [] }]);
    expect(evidence.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/ReassessmentEvidence');
    const schema = document.components.schemas.ReassessmentEvidence as { required: string[]; properties: Record<string, any> };
    expect(schema.required).toEqual(['applicationId', 'plan', 'attendance', 'sessions', 'earlierPeriods', 'tests', 'extension']);
    expect(Object.keys(schema.properties.extension.properties)).toEqual(['allowed', 'nextPeriod', 'monthsAfter', 'reason']);
  });
});
