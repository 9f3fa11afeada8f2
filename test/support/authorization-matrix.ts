/**
 * The authorization matrix (issue 9, item 1): for every route of functions/routes.ts, what each kind
 * of caller gets when they ask for an object — an application of 종로구 served by 마음숲
 * (P-MAEUMSUP), an offer to that agency, a review task, the agency itself. "Other" callers are of
 * another district, another agency, or hold another application's access code. A route added to
 * functions/routes.ts without an entry here fails test/integration/access-matrix.test.ts: say here who
 * may call it, and whether it shows a person's data (then it must write the access log).
 */
import type { Receipt } from './case-work';

export const actors = [
  'anonymous',
  'citizen',
  'citizen-other',
  'caseworker',
  'caseworker-other',
  'supervisor',
  'supervisor-other',
  'provider',
  'provider-other',
  'operator',
] as const;
export type Actor = (typeof actors)[number];
export type StaffActor = Exclude<Actor, 'anonymous' | 'citizen' | 'citizen-other'>;

/** The seeded users (infra/local/seed.ts) behind each staff actor: the objects are in 종로구 and belong to P-MAEUMSUP. */
export const staffUsers: Record<StaffActor, string> = {
  caseworker: 'caseworker.jongno',
  'caseworker-other': 'caseworker.mapo',
  supervisor: 'supervisor', // 종로구 and 마포구
  'supervisor-other': 'supervisor.gangnam',
  provider: 'provider.maeum',
  'provider-other': 'provider.hanul',
  operator: 'operator',
};

/** The objects the routes are asked about, built once by the test. */
export interface World {
  /** In service with P-MAEUMSUP, in 종로구. */
  served: Receipt;
  /** An open offer of a place at P-MAEUMSUP. */
  offered: Receipt & { offerId: string };
  /** Awaiting review, with its open review task. */
  inReview: Receipt & { taskId: string };
  agencyId: string;
  counsellorId: string;
  /** The settlement month to export ('YYYY-MM', Seoul). */
  month: string;
  /** An open supervision request on the served case. */
  supervisionId: string;
  /** A bulk decision job started by the caseworker of 종로구 (on a task that does not exist: nothing changes). */
  bulkJobId: string;
}

/**
 * What a caller gets:
 * - `allow`: past the door — a 2xx, or the route's own 400/409 for the body the matrix sends (bodies
 *   of changing routes are deliberately invalid, so nothing changes);
 * - `sees`: allowed, and the answer shows the object (a list that includes it);
 * - `hidden`: allowed (a list of the caller's own), and the object is not in it;
 * - `refuse`: 401, 403 or 404 (or 400 where the body carries the credential) — never a 2xx, never a 500.
 */
export type Outcome = 'allow' | 'sees' | 'hidden' | 'refuse';

export interface Answer {
  status: number;
  body: any;
}

export interface MatrixEntry {
  /** The object the request is about: its id is what `sees` and `hidden` look for in the answer. */
  object: (w: World) => string;
  /** The request; `code` is the caller's access code (a citizen's), sent as the route expects it. */
  request: (w: World, code: string | undefined) => { path: string; body?: unknown };
  expect: Record<Actor, Outcome>;
  /** A 404 that is the route's own answer past the door (e.g. "no such document" after the case was opened). */
  passed404?: (answer: Answer) => boolean;
  /** A 400 is a refusal here: the credential is in the body, and a body without one is refused before any read. */
  refused400?: true;
  /**
   * Whether an allowed staff call shows people's data, and so writes the access log: `as` who, and
   * which applications the answer showed (one access record each). 'none' for a route that shows no
   * person (it may still audit the change it makes).
   */
  reads: 'none' | { as: StaffActor; shown: (answer: Answer & { text: string }, w: World) => string[] };
}

const refuseAll = Object.fromEntries(actors.map((a) => [a, 'refuse'])) as Record<Actor, Outcome>;
/** Only these actors get past the door; everyone else is refused. */
const only = (allowed: Partial<Record<Actor, Outcome>>): Record<Actor, Outcome> => ({ ...refuseAll, ...allowed });
const everyone: Record<Actor, Outcome> = Object.fromEntries(actors.map((a) => [a, 'allow'])) as Record<Actor, Outcome>;

/** Case work on one application of 종로구: its caseworker and supervisor, no one of another district. */
const caseTeam = only({ caseworker: 'allow', supervisor: 'allow' });
/** The holder of the application's access code, and nobody else (the code is the citizen's key). */
const codeHolder = only({ citizen: 'allow' });
/** Registry reads: case managers and operators read every agency, a provider only their own. */
const registryRead = only({ caseworker: 'allow', 'caseworker-other': 'allow', supervisor: 'allow', 'supervisor-other': 'allow', operator: 'allow', provider: 'allow' });
/** Registry changes: the agency's own staff and operators. */
const registryWrite = only({ provider: 'allow', operator: 'allow' });

const served = (w: World) => w.served.applicationId;
const one = (id: (w: World) => string) => (_: Answer, w: World) => [id(w)];
const bogus = { nonsense: true };

export const matrix: Record<string, MatrixEntry> = {
  // Public routes with no object: anyone may call them (invalid bodies, so nothing is stored).
  'POST /api/eligibility/check': { object: () => '-', request: () => ({ path: '/api/eligibility/check', body: bogus }), expect: everyone, reads: 'none' },
  'POST /api/applications': { object: () => '-', request: () => ({ path: '/api/applications', body: bogus }), expect: everyone, reads: 'none' },
  'GET /api/openapi.json': { object: () => '-', request: () => ({ path: '/api/openapi.json' }), expect: everyone, reads: 'none' },

  // The citizen's routes: the access code is the key, whoever else asks.
  'GET /api/applications/{applicationId}': { object: served, request: (w) => ({ path: `/api/applications/${w.served.applicationId}` }), expect: codeHolder, reads: 'none' },
  'POST /api/applications/lookup': {
    object: served,
    // A caller without a code sends none: refused as incomplete (400) before anything is looked up.
    // (Guesses are the citizen-other's: each counts against the application's guessing limit.)
    request: (w, code) => ({ path: '/api/applications/lookup', body: { receiptNumber: w.served.receiptNumber, ...(code ? { accessCode: code } : {}) } }),
    expect: codeHolder,
    refused400: true,
    reads: 'none',
  },
  'POST /api/applications/{applicationId}/withdrawal': {
    object: served,
    request: (w) => ({ path: `/api/applications/${w.served.applicationId}/withdrawal`, body: { reason: 'not-a-reason' } }),
    expect: codeHolder,
    reads: 'none',
  },
  'POST /api/applications/{applicationId}/supplement/uploads': {
    object: served,
    request: (w) => ({ path: `/api/applications/${w.served.applicationId}/supplement/uploads`, body: bogus }),
    expect: codeHolder,
    reads: 'none',
  },
  'POST /api/applications/{applicationId}/supplement': {
    object: served,
    request: (w) => ({ path: `/api/applications/${w.served.applicationId}/supplement`, body: bogus }),
    expect: codeHolder,
    reads: 'none',
  },

  // A case file and what hangs off it.
  'GET /api/staff/applications/{applicationId}': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}` }),
    expect: caseTeam,
    reads: { as: 'caseworker', shown: one(served) },
  },
  'GET /api/staff/applications/{applicationId}/audit': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}/audit` }),
    expect: caseTeam,
    reads: { as: 'supervisor', shown: one(served) },
  },
  'GET /api/staff/applications/{applicationId}/candidates': {
    object: (w) => w.inReview.applicationId,
    request: (w) => ({ path: `/api/staff/applications/${w.inReview.applicationId}/candidates` }),
    expect: caseTeam,
    reads: { as: 'caseworker', shown: one((w) => w.inReview.applicationId) },
  },
  'GET /api/staff/applications/{applicationId}/evidence': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}/evidence` }),
    expect: caseTeam,
    reads: { as: 'caseworker', shown: one(served) },
  },
  'GET /api/staff/applications/{applicationId}/lifecycle': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}/lifecycle` }),
    // The case's district team, and operators (every district): stage names, dates and execution names, no person.
    expect: only({ caseworker: 'allow', supervisor: 'allow', operator: 'allow' }),
    // Shows no person's data (the picture's stages, dates and execution names made of the id), so no access record.
    reads: 'none',
  },
  'GET /api/staff/applications/{applicationId}/supplements/{round}/documents/{documentId}': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}/supplements/1/documents/identity` }),
    expect: caseTeam,
    // The case was opened (and the read recorded); the document is simply not there.
    passed404: (a) => a.body?.error?.message?.en !== 'Application not found.',
    reads: { as: 'caseworker', shown: one(served) },
  },
  'POST /api/staff/applications/{applicationId}/closure': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}/closure`, body: bogus }),
    expect: caseTeam,
    // Asking to close opens the case file (openForStaff), so the access is recorded as such.
    reads: { as: 'caseworker', shown: one(served) },
  },

  'POST /api/staff/applications/{applicationId}/eligibility-override': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}/eligibility-override`, body: bogus }),
    // A supervisor of the case's district only: a caseworker of it is refused too.
    expect: only({ supervisor: 'allow' }),
    // The supervisor opens the case file to override (openForStaff).
    reads: { as: 'supervisor', shown: one(served) },
  },

  'POST /api/staff/applications/{applicationId}/resume': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}/resume`, body: bogus }),
    // Operators (every district) and a supervisor of the case's district; not caseworkers.
    expect: only({ supervisor: 'allow', operator: 'allow' }),
    // Answers the status and stage it resumed at (audited on the case as a change); shows no person.
    reads: 'none',
  },

  'POST /api/staff/applications/{applicationId}/supervision': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}/supervision`, body: bogus }),
    // The case's own caseworker asks; a supervisor takes requests on from their own routes.
    expect: only({ caseworker: 'allow' }),
    // Asking opens the case file (openForStaff).
    reads: { as: 'caseworker', shown: one(served) },
  },

  // Case notes (사례 기록): the case's district team only; operators and providers never read a case's notes.
  'POST /api/staff/applications/{applicationId}/notes': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}/notes`, body: bogus }),
    expect: caseTeam,
    // Writing shows nothing but what the author sent: audited as the note it adds, not as a read.
    reads: 'none',
  },
  'GET /api/staff/applications/{applicationId}/notes': {
    object: served,
    request: (w) => ({ path: `/api/staff/applications/${w.served.applicationId}/notes` }),
    expect: caseTeam,
    reads: { as: 'caseworker', shown: one(served) },
  },

  // The district's queue and its tasks.
  'GET /api/staff/tasks': {
    object: (w) => w.inReview.taskId,
    request: () => ({ path: '/api/staff/tasks?limit=100' }),
    // Everyone of a case team lists their own districts' tasks: the other district's never show this one.
    expect: only({ caseworker: 'allow', 'caseworker-other': 'hidden', supervisor: 'allow', 'supervisor-other': 'hidden' }),
    // The rows name the applicants: one access record for each application on the page.
    reads: { as: 'caseworker', shown: (a) => [...new Set((a.body.tasks as { applicationId: string }[]).map((t) => t.applicationId))] },
  },
  'GET /api/staff/tasks/counts': {
    object: () => '-',
    request: () => ({ path: '/api/staff/tasks/counts' }),
    // Supervisors of any district see their own districts' counts: numbers, no person.
    expect: only({ supervisor: 'allow', 'supervisor-other': 'allow' }),
    reads: 'none',
  },
  'GET /api/staff/dashboard': {
    object: () => '-',
    request: () => ({ path: '/api/staff/dashboard?district=11110' }),
    // 종로구's figures: its case managers and supervisor, and operators (every district); another district's staff are refused.
    expect: only({ caseworker: 'allow', supervisor: 'allow', operator: 'allow' }),
    // Counts only: no person is shown.
    reads: 'none',
  },
  'GET /api/staff/cases': {
    object: served,
    request: (w) => ({ path: `/api/staff/cases?receipt=${w.served.receiptNumber}` }),
    expect: caseTeam,
    reads: { as: 'caseworker', shown: one(served) },
  },
  'GET /api/staff/supervision': {
    object: (w) => w.supervisionId,
    request: () => ({ path: '/api/staff/supervision?state=open&limit=100' }),
    // Supervisors list the requests of the districts they serve.
    expect: only({ supervisor: 'sees', 'supervisor-other': 'hidden' }),
    reads: { as: 'supervisor', shown: (a) => [...new Set((a.body.requests as { applicationId: string }[]).map((r) => r.applicationId))] },
  },
  'POST /api/staff/supervision/{requestId}/acceptance': {
    object: (w) => w.supervisionId,
    request: (w) => ({ path: `/api/staff/supervision/${w.supervisionId}/acceptance`, body: bogus }),
    expect: only({ supervisor: 'allow' }),
    // It changes the request (audited on the case); the answer is the request the caller takes on.
    reads: 'none',
  },
  'POST /api/staff/supervision/{requestId}/advice': {
    object: (w) => w.supervisionId,
    request: (w) => ({ path: `/api/staff/supervision/${w.supervisionId}/advice`, body: bogus }),
    expect: only({ supervisor: 'allow' }),
    reads: 'none',
  },
  'POST /api/staff/tasks/{taskId}/claim': {
    object: (w) => w.inReview.taskId,
    request: (w) => ({ path: `/api/staff/tasks/${w.inReview.taskId}/claim` }),
    expect: caseTeam,
    reads: 'none',
  },
  'POST /api/staff/tasks/{taskId}/decision': {
    object: (w) => w.inReview.taskId,
    request: (w) => ({ path: `/api/staff/tasks/${w.inReview.taskId}/decision`, body: { decision: 'not-a-decision' } }),
    expect: caseTeam,
    reads: 'none',
  },
  'POST /api/staff/bulk-decisions': {
    object: () => '-',
    request: () => ({ path: '/api/staff/bulk-decisions', body: bogus }),
    // Any case manager may start a job (each case is then checked against their districts, one by one).
    expect: only({ caseworker: 'allow', 'caseworker-other': 'allow', supervisor: 'allow', 'supervisor-other': 'allow' }),
    reads: 'none',
  },
  'GET /api/staff/bulk-decisions/{jobId}': {
    object: (w) => w.bulkJobId,
    request: (w) => ({ path: `/api/staff/bulk-decisions/${w.bulkJobId}` }),
    // Its creator, and a supervisor of their districts; to anyone else it does not exist (404).
    expect: only({ caseworker: 'sees', supervisor: 'sees' }),
    // Receipt numbers and outcomes of one's own decisions, no one's name or answers.
    reads: 'none',
  },
  'POST /api/staff/tasks/{taskId}/referral': {
    object: (w) => w.inReview.taskId,
    request: (w) => ({ path: `/api/staff/tasks/${w.inReview.taskId}/referral`, body: bogus }),
    expect: caseTeam,
    // A review task is not a referral: the district's team learns that, others only that they may not see it.
    passed404: (a) => a.body?.error?.message?.en === 'Referral task not found.',
    reads: 'none',
  },
  'POST /api/staff/tasks/{taskId}/referral/acknowledgement': {
    object: (w) => w.inReview.taskId,
    request: (w) => ({ path: `/api/staff/tasks/${w.inReview.taskId}/referral/acknowledgement`, body: bogus }),
    expect: caseTeam,
    passed404: (a) => a.body?.error?.message?.en === 'Referral task not found.',
    reads: 'none',
  },
  'GET /api/staff/notifications': {
    object: served,
    request: () => ({ path: '/api/staff/notifications?state=failed' }),
    // Operators list every district's (a provider outage is theirs to see).
    expect: only({ caseworker: 'allow', 'caseworker-other': 'hidden', supervisor: 'allow', 'supervisor-other': 'hidden', operator: 'allow' }),
    // Ids, receipt numbers, template and reason: never the number, address or name.
    reads: 'none',
  },
  'POST /api/staff/notifications/{applicationId}/{key}/retry': {
    object: served,
    // No such notification: the district was checked on the application first, then nothing to retry.
    request: (w) => ({ path: `/api/staff/notifications/${w.served.applicationId}/no-such-notification/retry` }),
    expect: only({ supervisor: 'allow', operator: 'allow' }),
    passed404: (a) => a.body?.error?.message?.en === 'Notification not found.',
    // Queues a copy and audits the retry on the case; shows no person.
    reads: 'none',
  },
  'GET /api/staff/ledger': {
    object: served,
    request: (w) => ({ path: `/api/staff/ledger?district=11110&month=${w.month}` }),
    expect: only({ caseworker: 'sees', supervisor: 'sees', operator: 'sees' }),
    reads: { as: 'operator', shown: (a) => ledgerApplications(a.text) },
  },
  'GET /api/staff/access-log': {
    object: served,
    request: (w) => ({ path: `/api/staff/access-log?applicationId=${w.served.applicationId}` }),
    expect: only({ supervisor: 'sees' }),
    // Staff ids and addresses, not a person's case: listing the log is not logged.
    reads: 'none',
  },

  // The provider registry: the object is the agency.
  'GET /api/registry/agencies': {
    object: (w) => w.agencyId,
    request: () => ({ path: '/api/registry/agencies' }),
    expect: { ...registryRead, 'provider-other': 'hidden' },
    reads: 'none',
  },
  'POST /api/registry/agencies': { object: (w) => w.agencyId, request: () => ({ path: '/api/registry/agencies', body: bogus }), expect: only({ operator: 'allow' }), reads: 'none' },
  'GET /api/registry/agencies/{agencyId}': {
    object: (w) => w.agencyId,
    request: (w) => ({ path: `/api/registry/agencies/${w.agencyId}` }),
    expect: registryRead,
    reads: 'none',
  },
  'PUT /api/registry/agencies/{agencyId}': {
    object: (w) => w.agencyId,
    request: (w) => ({ path: `/api/registry/agencies/${w.agencyId}`, body: bogus }),
    expect: registryWrite,
    reads: 'none',
  },
  'GET /api/registry/agencies/{agencyId}/counsellors': {
    object: (w) => w.agencyId,
    request: (w) => ({ path: `/api/registry/agencies/${w.agencyId}/counsellors` }),
    expect: registryRead,
    reads: 'none',
  },
  'POST /api/registry/agencies/{agencyId}/counsellors': {
    object: (w) => w.agencyId,
    request: (w) => ({ path: `/api/registry/agencies/${w.agencyId}/counsellors`, body: bogus }),
    expect: registryWrite,
    reads: 'none',
  },
  'PUT /api/registry/agencies/{agencyId}/counsellors/{counsellorId}': {
    object: (w) => w.agencyId,
    request: (w) => ({ path: `/api/registry/agencies/${w.agencyId}/counsellors/${w.counsellorId}`, body: bogus }),
    expect: registryWrite,
    reads: 'none',
  },

  // The provider portal: the agency's own offers and caseload.
  'GET /api/provider/offers': {
    object: (w) => w.offered.offerId,
    request: () => ({ path: '/api/provider/offers?state=open&limit=100' }),
    expect: only({ provider: 'sees', 'provider-other': 'hidden' }),
    reads: { as: 'provider', shown: (a) => [...new Set((a.body.offers as { offerId: string }[]).map((o) => o.offerId.split('.')[0]!))] },
  },
  'POST /api/provider/offers/{offerId}/acknowledge': {
    object: (w) => w.offered.offerId,
    request: (w) => ({ path: `/api/provider/offers/${w.offered.offerId}/acknowledge` }),
    expect: only({ provider: 'allow' }),
    reads: 'none',
  },
  'POST /api/provider/offers/{offerId}/decision': {
    object: (w) => w.offered.offerId,
    request: (w) => ({ path: `/api/provider/offers/${w.offered.offerId}/decision`, body: { decision: 'not-a-decision' } }),
    expect: only({ provider: 'allow' }),
    reads: 'none',
  },
  'GET /api/provider/caseload': {
    object: served,
    request: () => ({ path: '/api/provider/caseload' }),
    expect: only({ provider: 'sees', 'provider-other': 'hidden' }),
    reads: { as: 'provider', shown: (a) => (a.body.cases as { applicationId: string }[]).map((c) => c.applicationId) },
  },
  'GET /api/provider/applications/{applicationId}/sessions': {
    object: served,
    request: (w) => ({ path: `/api/provider/applications/${w.served.applicationId}/sessions` }),
    expect: only({ provider: 'allow' }),
    reads: { as: 'provider', shown: one(served) },
  },
  'PUT /api/provider/applications/{applicationId}/sessions/{sessionId}': {
    object: served,
    request: (w) => ({ path: `/api/provider/applications/${w.served.applicationId}/sessions/1-01`, body: bogus }),
    expect: only({ provider: 'allow' }),
    reads: 'none',
  },
};

/** The application ids of a ledger CSV's rows (its first column; the header and the totals row left out). */
export function ledgerApplications(csv: string): string[] {
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).slice(1);
  return [...new Set(lines.map((l) => l.split(',')[0]!.replace(/^"|"$/g, '')).filter((id) => /^A[0-9A-Z]{25}$/.test(id)))];
}
