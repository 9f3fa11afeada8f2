import * as z from 'zod/mini';
import { prescreenSchema, programmes, submissionSchema } from '../../forms';
import { LEDGER_MONTH } from '../ledger/month';
import { offerAnswerBody } from '../matching/offer';
import { agencyCreateSchema, agencyUpdateSchema, counsellorCreateSchema, counsellorUpdateSchema } from '../providers/registry-schema';
import { routes } from '../routes';
import { supplementAnswerBody, uploadsBody } from '../supplements/answer-bodies';
import { decisionBody } from '../review/decision-body';
import { bulkDecisionBody } from '../bulk-decisions/bulk-body';
import { eligibilityOverrideBody } from '../eligibility/override-body';
import { resumeBody } from '../lifecycle/resume-body';
import { staffClosureBody, withdrawalBody } from '../closure/closing-reasons';
import { referralAcknowledgedBody, referralSentBody } from '../referral/referral-body';
import { sessionRecordBody } from '../service-period/session-body';
import { lookupSchema } from '../status/lookup-body';
import { supervisionAcceptanceBody, supervisionAdviceBody, supervisionAskBody } from '../supervision/bodies';
import { caseNoteBody } from '../case-notes/bodies';
import { dashboardSchema } from './dashboard-schema';
import { evidenceSchema } from './evidence-schema';
import { lifecycleSchema } from './lifecycle-schema';

const problemSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { $ref: '#/components/schemas/Text' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, code: { type: 'string' }, message: { $ref: '#/components/schemas/Text' } },
          },
        },
      },
    },
  },
};

const bodies: Partial<Record<string, string>> = {
  'POST /api/applications': 'Submission',
  'POST /api/eligibility/check': 'Prescreen',
  'POST /api/applications/lookup': 'Lookup',
  'POST /api/registry/agencies': 'AgencyCreate',
  'PUT /api/registry/agencies/{agencyId}': 'AgencyUpdate',
  'POST /api/registry/agencies/{agencyId}/counsellors': 'CounsellorCreate',
  'PUT /api/registry/agencies/{agencyId}/counsellors/{counsellorId}': 'CounsellorUpdate',
  'POST /api/staff/tasks/{taskId}/decision': 'Decision',
  'POST /api/staff/bulk-decisions': 'BulkDecision',
  'POST /api/applications/{applicationId}/supplement/uploads': 'SupplementUploads',
  'POST /api/applications/{applicationId}/supplement': 'SupplementAnswer',
  'PUT /api/provider/applications/{applicationId}/sessions/{sessionId}': 'SessionRecord',
  'POST /api/provider/offers/{offerId}/decision': 'OfferAnswer',
  'POST /api/staff/applications/{applicationId}/closure': 'EarlyClosure',
  'POST /api/staff/applications/{applicationId}/eligibility-override': 'EligibilityOverride',
  'POST /api/staff/applications/{applicationId}/resume': 'Resume',
  'POST /api/applications/{applicationId}/withdrawal': 'Withdrawal',
  'POST /api/staff/tasks/{taskId}/referral': 'ReferralSent',
  'POST /api/staff/tasks/{taskId}/referral/acknowledgement': 'ReferralAcknowledged',
  'POST /api/staff/applications/{applicationId}/supervision': 'SupervisionAsk',
  'POST /api/staff/supervision/{requestId}/acceptance': 'SupervisionAcceptance',
  'POST /api/staff/supervision/{requestId}/advice': 'SupervisionAdvice',
  'POST /api/staff/applications/{applicationId}/notes': 'CaseNote',
};

/** Success answers documented with a schema (the others answer what their handler's comment says). */
const results: Partial<Record<string, { status: string; description: string; schema: string }>> = {
  'GET /api/staff/applications/{applicationId}/candidates': { status: '200', description: 'The live ranking, best first (top 10)', schema: 'CandidateList' },
  'GET /api/staff/applications/{applicationId}/evidence': { status: '200', description: 'What a re-assessment is decided on', schema: 'ReassessmentEvidence' },
  'GET /api/staff/dashboard': { status: '200', description: "Figures of the caller's districts", schema: 'Dashboard' },
  'GET /api/staff/applications/{applicationId}/lifecycle': { status: '200', description: "The application's lifecycle: stages passed, current, ahead", schema: 'LifecyclePicture' },
  'POST /api/staff/applications/{applicationId}/resume': {
    status: '202',
    description: 'The failed application is back at the status it had, and a new execution picks the work up at its stage',
    schema: 'Resumed',
  },
  'POST /api/staff/notifications/{applicationId}/{key}/retry': { status: '202', description: 'A copy of the failed notification is queued; the failed one leaves the list', schema: 'NotificationRetry' },
};

/** Query parameters, for the routes that take them. */
const queries: Partial<Record<string, { name: string; required: boolean; description: string; schema: Record<string, unknown> }[]>> = {
  'GET /api/staff/access-log': [
    { name: 'applicationId', required: false, description: "A case's access records (give this or userId)", schema: { type: 'string' } },
    { name: 'userId', required: false, description: "One staff member's access records in the caller's districts (give this or applicationId)", schema: { type: 'string' } },
    { name: 'limit', required: false, description: 'Records per page, 1 to 100 (50)', schema: { type: 'integer', minimum: 1, maximum: 100 } },
    { name: 'cursor', required: false, description: 'The `next` of the previous page', schema: { type: 'string' } },
  ],
  'GET /api/staff/dashboard': [
    { name: 'district', required: false, description: '시군구 code: one of the caller’s districts (default: all of them; operators: every district)', schema: { type: 'string', pattern: '^\\d{5}$' } },
  ],
  'GET /api/staff/ledger': [
    { name: 'district', required: true, description: '시군구 code of the district to settle', schema: { type: 'string', pattern: '^\\d{5}$' } },
    { name: 'month', required: true, description: "Settlement month, 'YYYY-MM' (Seoul time)", schema: { type: 'string', pattern: LEDGER_MONTH.source } },
  ],
  'GET /api/staff/tasks': [
    { name: 'district', required: false, description: '시군구 code: one of the caller’s districts (default: all of them)', schema: { type: 'string', pattern: '^\\d{5}$' } },
    { name: 'programme', required: false, description: 'Programme id', schema: { type: 'string' } },
    { name: 'kind', required: false, description: 'Task kind', schema: { type: 'string', enum: ['review', 'reassessment', 'risk', 'referral', 'attendance'] } },
    { name: 'state', required: false, description: 'Task state (default open; closed states newest first)', schema: { type: 'string', enum: ['open', 'decided', 'expired', 'cancelled'] } },
    { name: 'overdue', required: false, description: 'Only open tasks past the due date their case is measured against', schema: { type: 'string', enum: ['true', 'false'] } },
    { name: 'mine', required: false, description: 'Only tasks the caller claimed', schema: { type: 'string', enum: ['true', 'false'] } },
    { name: 'unassigned', required: false, description: 'Only tasks nobody claimed', schema: { type: 'string', enum: ['true', 'false'] } },
    { name: 'sort', required: false, description: 'due (default) or received', schema: { type: 'string', enum: ['due', 'received'] } },
    { name: 'q', required: false, description: 'Search: a receipt number, or an applicant’s full name (exact); answered in one page', schema: { type: 'string', maxLength: 60 } },
    { name: 'cursor', required: false, description: 'The `next` of the previous page, with the same filters', schema: { type: 'string' } },
    { name: 'limit', required: false, description: 'Page size, 1–100 (default 50)', schema: { type: 'string', pattern: '^\\d{1,3}$' } },
  ],
  'GET /api/staff/cases': [
    { name: 'receipt', required: false, description: 'A receipt number (DB-2026-XXXXXXXX); give this or name', schema: { type: 'string' } },
    { name: 'name', required: false, description: 'An applicant’s full name (exact, spaces and case ignored)', schema: { type: 'string', maxLength: 50 } },
  ],
  'GET /api/staff/notifications': [
    { name: 'state', required: true, description: 'failed (the only state listed)', schema: { enum: ['failed'] } },
    { name: 'district', required: false, description: '시군구 code: one of the caller’s districts (default: all of them)', schema: { type: 'string', pattern: '^\\d{5}$' } },
    { name: 'limit', required: false, description: 'Notifications a page, 1–100 (default 50)', schema: { type: 'string', pattern: '^\\d{1,3}$' } },
  ],
  'GET /api/provider/offers': [
    { name: 'state', required: false, description: 'open (default), accepted, declined or expired', schema: { enum: ['open', 'accepted', 'declined', 'expired'] } },
    { name: 'limit', required: false, description: 'Offers a page, 1–100 (default 50)', schema: { type: 'string', pattern: '^\\d{1,3}$' } },
    { name: 'cursor', required: false, description: "The previous page's `next`, with the same state", schema: { type: 'string' } },
  ],
  'GET /api/staff/applications/{applicationId}/notes': [
    { name: 'limit', required: false, description: 'Notes a page, newest contact first, 1–100 (default 20)', schema: { type: 'string', pattern: '^\\d{1,3}$' } },
    { name: 'cursor', required: false, description: "The previous page's `next`", schema: { type: 'string' } },
  ],
  'GET /api/staff/supervision': [
    { name: 'state', required: false, description: 'open (default), accepted or advised', schema: { enum: ['open', 'accepted', 'advised'] } },
    { name: 'limit', required: false, description: 'Requests a page, 1–100 (default 25)', schema: { type: 'string', pattern: '^\\d{1,3}$' } },
    { name: 'cursor', required: false, description: "The previous page's `next`", schema: { type: 'string' } },
  ],
};

/** Success answers that are files, not JSON. */
const files: Partial<Record<string, { mediaType: string; description: string }>> = {
  'GET /api/staff/ledger': {
    mediaType: 'text/csv',
    description: 'UTF-8 with a byte-order mark, CRLF: one row per application with a session used in the month, then a totals row',
  },
};

const text = { $ref: '#/components/schemas/Text' };

/** A candidate as staff see it (functions/matching/candidate-view.ts). */
const candidateSchema = {
  type: 'object',
  required: ['counsellorId', 'agencyId', 'agencyName', 'agencyDistrict', 'agencyDistrictName', 'score', 'parts', 'reason'],
  properties: {
    counsellorId: { type: 'string' },
    counsellorFirstName: { type: 'string', description: 'Given name only; absent when the registry no longer knows the counsellor' },
    agencyId: { type: 'string' },
    agencyName: text,
    agencyDistrict: { type: 'string', description: '시군구 code' },
    agencyDistrictName: text,
    score: { type: 'number', description: 'Higher is better' },
    parts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['factor', 'points', 'reason'],
        properties: { factor: { enum: ['distance', 'gender', 'language', 'time', 'continuity', 'load'] }, points: { type: 'number' }, reason: text },
      },
    },
    reason: text,
  },
};

const bodySchema = (schema: z.core.$ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/**
 * The OpenAPI 3.1 document, built from the route list and the programme schemas themselves, so the
 * documentation cannot disagree with what the API accepts.
 */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const body = bodies[`${route.method} ${route.path}`];
    const result = results[`${route.method} ${route.path}`];
    const query = queries[`${route.method} ${route.path}`];
    const file = files[`${route.method} ${route.path}`];
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.handler,
      security: route.access === 'public' ? [] : [{ staffJwt: [] }],
      ...(query ? { parameters: query.map((q) => ({ in: 'query', ...q })) } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${body}` } } } } } : {}),
      responses: {
        ...(file ? { '200': { description: file.description, content: { [file.mediaType]: { schema: { type: 'string' } } } } } : {}),
        ...(result ? { [result.status]: { description: result.description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${result.schema}` } } } } } : {}),
        default: { description: 'Error (ko/en)', content: { 'application/json': { schema: problemSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Dolbom API', version: '1.0.0', description: programmes.map((p) => `${p.id}@${p.version}: ${p.name.en}`).join('; ') },
    paths,
    components: {
      securitySchemes: { staffJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Text: { type: 'object', properties: { ko: { type: 'string' }, en: { type: 'string' } }, required: ['ko', 'en'] },
        Submission: bodySchema(submissionSchema),
        Prescreen: bodySchema(prescreenSchema),
        Lookup: bodySchema(lookupSchema),
        // Fields Dolbom derives (youth voucher types, qualified service types, free places) and the
        // caseload (`reserved`) appear as `{"not": {}}`: named, and refused if sent.
        AgencyCreate: bodySchema(agencyCreateSchema),
        AgencyUpdate: bodySchema(agencyUpdateSchema),
        CounsellorCreate: bodySchema(counsellorCreateSchema()),
        CounsellorUpdate: bodySchema(counsellorUpdateSchema()),
        Decision: bodySchema(decisionBody),
        // Sent with an Idempotency-Key header; 202 { jobId, total }, then GET /api/staff/bulk-decisions/{jobId}.
        BulkDecision: bodySchema(bulkDecisionBody),
        SupplementUploads: bodySchema(uploadsBody),
        SupplementAnswer: bodySchema(supplementAnswerBody),
        SessionRecord: bodySchema(sessionRecordBody),
        Candidate: candidateSchema,
        CandidateList: {
          type: 'object',
          required: ['applicationId', 'rankedAt', 'candidates'],
          properties: { applicationId: { type: 'string' }, rankedAt: { type: 'string', format: 'date-time' }, candidates: { type: 'array', items: { $ref: '#/components/schemas/Candidate' } } },
        },
        OfferAnswer: bodySchema(offerAnswerBody),
        EarlyClosure: bodySchema(staffClosureBody),
        EligibilityOverride: bodySchema(eligibilityOverrideBody),
        Resume: bodySchema(resumeBody),
        Resumed: {
          type: 'object',
          required: ['applicationId', 'status', 'statusLabel', 'stage', 'stageLabel', 'execution', 'resumedAt'],
          properties: {
            applicationId: { type: 'string' },
            status: { type: 'string', description: 'The status the application had before it failed, and has again' },
            statusLabel: { $ref: '#/components/schemas/Text' },
            stage: { type: 'string', enum: ['eligibility', 'review', 'matching', 'service', 'reassessment', 'closure'] },
            stageLabel: { $ref: '#/components/schemas/Text' },
            execution: { type: 'string', description: "The new execution's name" },
            resumedAt: { type: 'string', format: 'date-time' },
          },
        },
        Withdrawal: bodySchema(withdrawalBody),
        ReferralSent: bodySchema(referralSentBody),
        ReferralAcknowledged: bodySchema(referralAcknowledgedBody),
        ReassessmentEvidence: evidenceSchema,
        Dashboard: dashboardSchema,
        LifecyclePicture: lifecycleSchema,
        NotificationRetry: {
          type: 'object',
          required: ['applicationId', 'key', 'retryOf', 'delivery'],
          properties: { applicationId: { type: 'string' }, key: { type: 'string', description: "The copy's key" }, retryOf: { type: 'string' }, delivery: { const: 'pending' } },
        },
        SupervisionAsk: bodySchema(supervisionAskBody),
        SupervisionAcceptance: bodySchema(supervisionAcceptanceBody),
        SupervisionAdvice: bodySchema(supervisionAdviceBody),
        // Sent with an Idempotency-Key header: 201 with the note, 200 with the same note for a retry, 409 for other words.
        CaseNote: bodySchema(caseNoteBody),
      },
    },
  };
}
