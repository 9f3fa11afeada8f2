/**
 * Hostile-input coverage of every route of functions/routes.ts (issue 12, drill 4): for each, who may
 * call it (the drill sends as them, so validation is what is tested, not the door), the objects its
 * path names, and the zod schemas of its body and query with a valid example each, from which
 * test/support/hostile-inputs.ts generates the hostile ones. A route added to functions/routes.ts
 * without an entry here fails test/drills/hostile-input-every-route.test.ts: say what it reads, or
 * which drill already covers it.
 */
import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import { querySchema as accessLogQuery } from '../../functions/access-log/list-access-log';
import { bulkDecisionBody } from '../../functions/bulk-decisions/bulk-body';
import { caseNoteBody } from '../../functions/case-notes/bodies';
import { querySchema as caseNotesQuery } from '../../functions/case-notes/list-case-notes';
import { staffClosureBody, withdrawalBody } from '../../functions/closure/closing-reasons';
import { querySchema as dashboardQuery } from '../../functions/dashboard/get-dashboard';
import { eligibilityOverrideBody } from '../../functions/eligibility/override-body';
import { querySchema as ledgerQuery } from '../../functions/ledger/export-ledger';
import { resumeBody } from '../../functions/lifecycle/resume-body';
import { offerAnswerBody } from '../../functions/matching/offer';
import { querySchema as notificationsQuery } from '../../functions/notifications/list-notifications';
import { querySchema as offersQuery } from '../../functions/provider-portal/list-offers';
import { agencyCreateSchema, agencyUpdateSchema, counsellorCreateSchema, counsellorUpdateSchema } from '../../functions/providers/registry-schema';
import { referralAcknowledgedBody, referralSentBody } from '../../functions/referral/referral-body';
import { decisionBody } from '../../functions/review/decision-body';
import { queueQuerySchema } from '../../functions/review/queue-filter';
import { sessionRecordBody } from '../../functions/service-period/session-body';
import { querySchema as casesQuery } from '../../functions/status/find-cases-for-staff';
import { lookupSchema } from '../../functions/status/lookup-body';
import { querySchema as supervisionQuery } from '../../functions/supervision/list-supervision';
import { supervisionAcceptanceBody, supervisionAdviceBody, supervisionAskBody } from '../../functions/supervision/bodies';
import { supplementAnswerBody, uploadsBody } from '../../functions/supplements/answer-bodies';
import type { StaffActor, World } from './authorization-matrix';

/** The matrix's objects, and what only this drill needs. */
export interface HostileWorld extends World {
  /** A referral task (owed at the closure of a high-risk case) of 종로구. */
  referralTaskId: string;
  /** A session of the served case not recorded yet. */
  sessionId: string;
  /** Seoul's day on the local clock. */
  today: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface HostileRoute {
  /** Who sends: a staff actor of the matrix, the citizen holding the served case's code, or anyone (a public route). */
  as: StaffActor | 'citizen' | 'anyone';
  /** The path's parameters, naming the world's objects. */
  params?: (w: HostileWorld) => Record<string, string>;
  /** The body's schema (as the handler parses it) and a valid example. */
  body?: { schema: z.core.$ZodType; example: (w: HostileWorld) => Json };
  /** The query's schema (undefined: the route reads none) and a valid example. GET routes only. */
  query?: { schema?: z.core.$ZodType; example: (w: HostileWorld) => Record<string, string> };
  /** Headers the route needs besides the caller's credential (an Idempotency-Key). */
  headers?: (w: HostileWorld) => Record<string, string>;
}

/** A route whose hostile input another drill sends, field by field, and checks that nothing is stored. */
export interface CoveredElsewhere {
  coveredBy: string;
}

const noQuery = { example: () => ({}) };
const served = (w: HostileWorld) => ({ applicationId: w.served.applicationId });
const note = '담당자 메모';

export const hostileRoutes: Record<string, HostileRoute | CoveredElsewhere> = {
  'POST /api/eligibility/check': { coveredBy: 'test/drills/hostile-input.test.ts (one hostile answer per field, nothing stored) and test/integration/fuzz.test.ts' },
  'POST /api/applications': { coveredBy: 'test/drills/hostile-input.test.ts (one hostile answer per field, nothing stored) and test/integration/fuzz.test.ts' },
  'GET /api/openapi.json': { as: 'anyone', query: noQuery },

  // The citizen's routes, with the served case's access code.
  'GET /api/applications/{applicationId}': { as: 'citizen', params: served, query: noQuery },
  'POST /api/applications/lookup': { as: 'anyone', body: { schema: lookupSchema, example: (w) => ({ receiptNumber: w.inReview.receiptNumber, accessCode: w.inReview.accessCode }) } },
  'POST /api/applications/{applicationId}/withdrawal': { as: 'citizen', params: served, body: { schema: withdrawalBody, example: () => ({ reason: 'no-time', note: '시간을 내기 어려워요' }) } },
  'POST /api/applications/{applicationId}/supplement/uploads': {
    as: 'citizen',
    params: served,
    body: { schema: uploadsBody, example: () => ({ documents: [{ documentId: 'identity', contentType: 'application/pdf', size: 1_000 }] }) },
  },
  'POST /api/applications/{applicationId}/supplement': {
    as: 'citizen',
    params: served,
    body: { schema: supplementAnswerBody, example: () => ({ documents: [{ documentId: 'identity', uploadId: randomUUID() }], fields: {}, note: '올렸습니다' }) },
  },

  // A case file and what hangs off it.
  'GET /api/staff/applications/{applicationId}': { as: 'caseworker', params: served, query: noQuery },
  'GET /api/staff/applications/{applicationId}/audit': { as: 'caseworker', params: served, query: noQuery },
  'GET /api/staff/applications/{applicationId}/candidates': { as: 'caseworker', params: (w) => ({ applicationId: w.inReview.applicationId }), query: noQuery },
  'GET /api/staff/applications/{applicationId}/evidence': { as: 'caseworker', params: served, query: noQuery },
  'GET /api/staff/applications/{applicationId}/lifecycle': { as: 'caseworker', params: served, query: noQuery },
  'GET /api/staff/applications/{applicationId}/supplements/{round}/documents/{documentId}': {
    as: 'caseworker',
    params: (w) => ({ applicationId: w.served.applicationId, round: '1', documentId: 'identity' }),
    query: noQuery,
  },
  'POST /api/staff/applications/{applicationId}/closure': { as: 'caseworker', params: served, body: { schema: staffClosureBody, example: () => ({ reason: 'drop-out', note }) } },
  'POST /api/staff/applications/{applicationId}/eligibility-override': {
    as: 'supervisor',
    params: served,
    body: { schema: eligibilityOverrideBody, example: () => ({ outcome: 'ineligible', note, rejectionReason: 'equivalent-service' }) },
  },
  // The served case is not failed: a valid body gets 409, and nothing is stored either way.
  'POST /api/staff/applications/{applicationId}/resume': { as: 'operator', params: served, body: { schema: resumeBody, example: () => ({ reason: note }) } },
  'POST /api/staff/applications/{applicationId}/supervision': {
    as: 'caseworker',
    params: served,
    body: { schema: supervisionAskBody, example: () => ({ question: '다음 개입을 어떻게 할까요?', tried: '사례회의 1회', urgency: 'routine', preferredForm: 'in-office' }) },
  },

  'POST /api/staff/applications/{applicationId}/notes': {
    as: 'caseworker',
    params: served,
    body: { schema: caseNoteBody, example: () => ({ kind: 'phone', occurredAt: new Date().toISOString(), withWhom: '어머니', text: '학교 서류를 다음 주에 보내기로 함' }) },
    headers: () => ({ 'idempotency-key': `hostile-${randomUUID()}` }),
  },
  'GET /api/staff/applications/{applicationId}/notes': { as: 'supervisor', params: served, query: { schema: caseNotesQuery, example: () => ({ limit: '10' }) } },

  // The queue and its tasks.
  'GET /api/staff/tasks': { as: 'caseworker', query: { schema: queueQuerySchema, example: () => ({ state: 'open', sort: 'due', limit: '10' }) } },
  'GET /api/staff/tasks/counts': { as: 'supervisor', query: noQuery },
  'GET /api/staff/dashboard': { as: 'caseworker', query: { schema: dashboardQuery, example: () => ({ district: '11110' }) } },
  'GET /api/staff/cases': { as: 'caseworker', query: { schema: casesQuery, example: (w) => ({ receipt: w.served.receiptNumber }) } },
  'POST /api/staff/tasks/{taskId}/claim': { as: 'caseworker', params: (w) => ({ taskId: w.inReview.taskId }) },
  'POST /api/staff/tasks/{taskId}/decision': {
    as: 'caseworker',
    params: (w) => ({ taskId: w.inReview.taskId }),
    body: { schema: decisionBody, example: () => ({ decision: 'reject', note, rejection: { reason: 'other', toCitizen: '같은 서비스를 이미 받고 계십니다' } }) },
  },
  'POST /api/staff/bulk-decisions': {
    as: 'caseworker',
    body: { schema: bulkDecisionBody, example: (w) => ({ taskIds: [w.inReview.taskId], decision: 'reject', note, rejection: { reason: 'equivalent-service' } }) },
    headers: () => ({ 'idempotency-key': `hostile-${randomUUID()}` }),
  },
  'GET /api/staff/bulk-decisions/{jobId}': { as: 'caseworker', params: (w) => ({ jobId: w.bulkJobId }), query: noQuery },
  'POST /api/staff/tasks/{taskId}/referral': {
    as: 'caseworker',
    params: (w) => ({ taskId: w.referralTaskId }),
    body: { schema: referralSentBody, example: () => ({ to: 'mental-health-welfare-centre', organisation: '종로구 정신건강복지센터', note }) },
  },
  'POST /api/staff/tasks/{taskId}/referral/acknowledgement': {
    as: 'caseworker',
    params: (w) => ({ taskId: w.referralTaskId }),
    body: { schema: referralAcknowledgedBody, example: (w) => ({ acknowledgedBy: '김담당 팀장', acknowledgedOn: w.today, note }) },
  },

  // Supervision, notifications, the access log, settlement.
  'GET /api/staff/supervision': { as: 'supervisor', query: { schema: supervisionQuery, example: () => ({ state: 'open', limit: '10' }) } },
  'POST /api/staff/supervision/{requestId}/acceptance': {
    as: 'supervisor',
    params: (w) => ({ requestId: w.supervisionId }),
    body: { schema: supervisionAcceptanceBody, example: (w) => ({ form: 'in-office', sessionOn: w.today, place: '구청 3층 회의실' }) },
  },
  'POST /api/staff/supervision/{requestId}/advice': {
    as: 'supervisor',
    params: (w) => ({ requestId: w.supervisionId }),
    body: { schema: supervisionAdviceBody, example: (w) => ({ advice: '학교와 함께 등교 계획을 세우세요', agreedActions: ['학교 사회복지사와 통화'], followUpOn: w.today }) },
  },
  'GET /api/staff/notifications': { as: 'supervisor', query: { schema: notificationsQuery, example: () => ({ state: 'failed', district: '11110', limit: '10' }) } },
  'POST /api/staff/notifications/{applicationId}/{key}/retry': { as: 'supervisor', params: (w) => ({ applicationId: w.served.applicationId, key: 'approved-p1' }) },
  'GET /api/staff/access-log': { as: 'supervisor', query: { schema: accessLogQuery, example: (w) => ({ applicationId: w.served.applicationId, limit: '10' }) } },
  'GET /api/staff/ledger': { as: 'operator', query: { schema: ledgerQuery, example: (w) => ({ district: '11110', month: w.month }) } },

  // The provider registry, as an operator.
  'GET /api/registry/agencies': { as: 'operator', query: noQuery },
  'POST /api/registry/agencies': {
    as: 'operator',
    body: {
      schema: agencyCreateSchema,
      example: () => ({
        name: { ko: '새봄 상담센터', en: 'Saebom Counselling' },
        district: '11110',
        address: '서울시 종로구 종로 1',
        phone: '02-123-4567',
        email: 'desk@saebom.example.kr',
        programmes: ['youth'],
        serviceTypes: ['youth-counselling'],
        openingHours: { weekdayDaytime: true, evening: false, saturday: false, note: '점심시간 12-13시' },
      }),
    },
  },
  'GET /api/registry/agencies/{agencyId}': { as: 'operator', params: (w) => ({ agencyId: w.agencyId }), query: noQuery },
  'PUT /api/registry/agencies/{agencyId}': { as: 'operator', params: (w) => ({ agencyId: w.agencyId }), body: { schema: agencyUpdateSchema, example: () => ({ address: '서울시 종로구 종로 2' }) } },
  'GET /api/registry/agencies/{agencyId}/counsellors': { as: 'operator', params: (w) => ({ agencyId: w.agencyId }), query: noQuery },
  'POST /api/registry/agencies/{agencyId}/counsellors': {
    as: 'operator',
    params: (w) => ({ agencyId: w.agencyId }),
    body: {
      schema: counsellorCreateSchema(),
      example: () => ({
        name: '정새봄',
        gender: 'female',
        languages: ['ko'],
        qualifications: ['youth-counsellor'],
        trainings: [{ programme: 'youth', level: 'basic', completedOn: '2025-03-01' }],
        availability: { weekdayDaytime: true, evening: false, saturday: false },
        weeklyCapacity: 5,
      }),
    },
  },
  'PUT /api/registry/agencies/{agencyId}/counsellors/{counsellorId}': {
    as: 'operator',
    params: (w) => ({ agencyId: w.agencyId, counsellorId: w.counsellorId }),
    body: { schema: counsellorUpdateSchema(), example: () => ({ weeklyCapacity: 6, availability: { weekdayDaytime: true, evening: true, saturday: false } }) },
  },

  // The provider portal, as the serving agency.
  'GET /api/provider/offers': { as: 'provider', query: { schema: offersQuery, example: () => ({ state: 'open', limit: '10' }) } },
  'POST /api/provider/offers/{offerId}/acknowledge': { as: 'provider', params: (w) => ({ offerId: w.offered.offerId }) },
  'POST /api/provider/offers/{offerId}/decision': {
    as: 'provider',
    params: (w) => ({ offerId: w.offered.offerId }),
    body: { schema: offerAnswerBody, example: () => ({ decision: 'decline', reason: 'schedule', note }) },
  },
  'GET /api/provider/caseload': { as: 'provider', query: noQuery },
  'GET /api/provider/applications/{applicationId}/sessions': { as: 'provider', params: served, query: noQuery },
  'PUT /api/provider/applications/{applicationId}/sessions/{sessionId}': {
    as: 'provider',
    params: (w) => ({ applicationId: w.served.applicationId, sessionId: w.sessionId }),
    body: { schema: sessionRecordBody, example: (w) => ({ outcome: 'held', on: w.today, durationMinutes: 50, note }) },
  },
};

export const isCoveredElsewhere = (entry: HostileRoute | CoveredElsewhere): entry is CoveredElsewhere => 'coveredBy' in entry;
