import type { HandlerId } from './catalog';
import type { StaffGroup } from './staff-groups';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: `{name}` is a path parameter. */
  path: string;
  handler: HandlerId;
  /** 'public' routes need no sign-in (the handler may still check an access code). */
  access: 'public' | readonly StaffGroup[];
}

const registryReaders = ['operator', 'provider', 'caseworker', 'supervisor'] as const;
const registryWriters = ['operator', 'provider'] as const;

/** The HTTP API. One list for the CDK HttpApi and the local gateway, so the two cannot drift. */
export const routes: readonly Route[] = [
  { method: 'POST', path: '/api/eligibility/check', handler: 'prescreenEligibility', access: 'public' },
  { method: 'POST', path: '/api/applications', handler: 'submitApplication', access: 'public' },
  { method: 'GET', path: '/api/applications/{applicationId}', handler: 'getApplicationStatus', access: 'public' },
  { method: 'POST', path: '/api/applications/lookup', handler: 'lookupApplication', access: 'public' },
  { method: 'POST', path: '/api/applications/{applicationId}/withdrawal', handler: 'withdrawApplication', access: 'public' },
  // The applicant's answer to a supplement request: the handlers check the access code.
  { method: 'POST', path: '/api/applications/{applicationId}/supplement/uploads', handler: 'requestSupplementUploads', access: 'public' },
  { method: 'POST', path: '/api/applications/{applicationId}/supplement', handler: 'submitSupplement', access: 'public' },
  { method: 'GET', path: '/api/openapi.json', handler: 'openApiDocument', access: 'public' },
  { method: 'GET', path: '/api/staff/applications/{applicationId}', handler: 'getApplicationForStaff', access: ['caseworker', 'supervisor'] },
  { method: 'GET', path: '/api/staff/applications/{applicationId}/audit', handler: 'getAuditTrail', access: ['caseworker', 'supervisor'] },
  { method: 'GET', path: '/api/staff/applications/{applicationId}/candidates', handler: 'getCandidatesForStaff', access: ['caseworker', 'supervisor'] },
  { method: 'GET', path: '/api/staff/applications/{applicationId}/evidence', handler: 'getEvidenceForStaff', access: ['caseworker', 'supervisor'] },
  // Stages and dates, no person's data: operators see it too (the handler checks the district).
  { method: 'GET', path: '/api/staff/applications/{applicationId}/lifecycle', handler: 'getLifecycleForStaff', access: ['caseworker', 'supervisor', 'operator'] },
  {
    method: 'GET',
    path: '/api/staff/applications/{applicationId}/supplements/{round}/documents/{documentId}',
    handler: 'openSupplementDocument',
    access: ['caseworker', 'supervisor'],
  },
  // Case notes (사례 기록): the case's district team writes and reads them; operators run the platform and
  // never read a person's case, providers keep their own session records (functions/case-notes/).
  { method: 'POST', path: '/api/staff/applications/{applicationId}/notes', handler: 'addCaseNote', access: ['caseworker', 'supervisor'] },
  { method: 'GET', path: '/api/staff/applications/{applicationId}/notes', handler: 'listCaseNotes', access: ['caseworker', 'supervisor'] },
  { method: 'GET', path: '/api/staff/tasks', handler: 'listTasks', access: ['caseworker', 'supervisor'] },
  { method: 'GET', path: '/api/staff/tasks/counts', handler: 'countTasks', access: ['supervisor'] },
  // Figures of the caller's districts (operators: every district); the handler checks a named district.
  { method: 'GET', path: '/api/staff/dashboard', handler: 'getDashboard', access: ['caseworker', 'supervisor', 'operator'] },
  { method: 'GET', path: '/api/staff/cases', handler: 'findCasesForStaff', access: ['caseworker', 'supervisor'] },
  { method: 'POST', path: '/api/staff/tasks/{taskId}/claim', handler: 'claimTask', access: ['caseworker', 'supervisor'] },
  { method: 'POST', path: '/api/staff/tasks/{taskId}/decision', handler: 'decideTask', access: ['caseworker', 'supervisor'] },
  // Several review tasks decided at once, as a job (functions/bulk-decisions/): each case is checked as a
  // single decision is; the job is read by its creator or a supervisor of their districts.
  { method: 'POST', path: '/api/staff/bulk-decisions', handler: 'createBulkDecisions', access: ['caseworker', 'supervisor'] },
  { method: 'GET', path: '/api/staff/bulk-decisions/{jobId}', handler: 'getBulkDecisions', access: ['caseworker', 'supervisor'] },
  // Settlement: case managers for their districts, operators for every district (the handler checks).
  { method: 'GET', path: '/api/staff/ledger', handler: 'exportLedger', access: ['caseworker', 'supervisor', 'operator'] },
  { method: 'POST', path: '/api/staff/applications/{applicationId}/closure', handler: 'requestEarlyClosure', access: ['caseworker', 'supervisor'] },
  // A supervisor only: overriding the rules is a decision above the case manager's (the handler checks the district).
  { method: 'POST', path: '/api/staff/applications/{applicationId}/eligibility-override', handler: 'overrideEligibility', access: ['supervisor'] },
  // After a failure's cause is fixed: operators (they fix it, and see every district; the answer shows
  // no person) and supervisors of the case's district (they answer for the case and may know it should
  // rather close); not caseworkers — restarting the workflow is not a step of the case work. The
  // handler checks the district.
  { method: 'POST', path: '/api/staff/applications/{applicationId}/resume', handler: 'resumeApplication', access: ['supervisor', 'operator'] },
  { method: 'POST', path: '/api/staff/tasks/{taskId}/referral', handler: 'recordReferral', access: ['caseworker', 'supervisor'] },
  { method: 'POST', path: '/api/staff/tasks/{taskId}/referral/acknowledgement', handler: 'acknowledgeReferral', access: ['caseworker', 'supervisor'] },
  // Supervision of hard cases: a caseworker of the case's district asks; supervisors list, take on and
  // advise (functions/supervision/; the handlers check the district against the object).
  { method: 'POST', path: '/api/staff/applications/{applicationId}/supervision', handler: 'askSupervision', access: ['caseworker'] },
  { method: 'GET', path: '/api/staff/supervision', handler: 'listSupervision', access: ['supervisor'] },
  { method: 'POST', path: '/api/staff/supervision/{requestId}/acceptance', handler: 'acceptSupervision', access: ['supervisor'] },
  { method: 'POST', path: '/api/staff/supervision/{requestId}/advice', handler: 'recordSupervisionAdvice', access: ['supervisor'] },
  // Failed notifications: case teams list their districts'; supervisors and operators (every district) queue one again.
  { method: 'GET', path: '/api/staff/notifications', handler: 'listNotifications', access: ['caseworker', 'supervisor', 'operator'] },
  { method: 'POST', path: '/api/staff/notifications/{applicationId}/{key}/retry', handler: 'retryNotification', access: ['supervisor', 'operator'] },
  // Who read whose data (PIPA safeguard standard art. 8): supervisors of the case's districts only.
  { method: 'GET', path: '/api/staff/access-log', handler: 'listAccessLog', access: ['supervisor'] },
  // The provider registry. Providers are scoped to their own agency and case managers only read;
  // the handlers check the agency (functions/providers/registry-access.ts).
  { method: 'GET', path: '/api/registry/agencies', handler: 'listAgencies', access: registryReaders },
  { method: 'POST', path: '/api/registry/agencies', handler: 'createAgency', access: ['operator'] },
  { method: 'GET', path: '/api/registry/agencies/{agencyId}', handler: 'getAgency', access: registryReaders },
  { method: 'PUT', path: '/api/registry/agencies/{agencyId}', handler: 'updateAgency', access: registryWriters },
  { method: 'GET', path: '/api/registry/agencies/{agencyId}/counsellors', handler: 'listCounsellors', access: registryReaders },
  { method: 'POST', path: '/api/registry/agencies/{agencyId}/counsellors', handler: 'createCounsellor', access: registryWriters },
  {
    method: 'PUT',
    path: '/api/registry/agencies/{agencyId}/counsellors/{counsellorId}',
    handler: 'updateCounsellor',
    access: registryWriters,
  },
  { method: 'GET', path: '/api/provider/offers', handler: 'listProviderOffers', access: ['provider'] },
  { method: 'POST', path: '/api/provider/offers/{offerId}/acknowledge', handler: 'acknowledgeProviderOffer', access: ['provider'] },
  { method: 'POST', path: '/api/provider/offers/{offerId}/decision', handler: 'decideProviderOffer', access: ['provider'] },
  { method: 'GET', path: '/api/provider/caseload', handler: 'getProviderCaseload', access: ['provider'] },
  { method: 'GET', path: '/api/provider/applications/{applicationId}/sessions', handler: 'listSessions', access: ['provider'] },
  { method: 'PUT', path: '/api/provider/applications/{applicationId}/sessions/{sessionId}', handler: 'recordSession', access: ['provider'] },
];

/** A route as API Gateway names it in the event (`routeKey`): its method and path template. */
export const routeKeyOf = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

/**
 * The variable that gives a function the access of the routes it serves, as JSON by route key
 * (`{"GET /api/staff/tasks":["caseworker","supervisor"]}`). CDK sets it from this list and
 * `staffMember` (commons/staff.ts) reads it, so a handler's cold start reads its own routes' access
 * rather than the whole list.
 */
export const ROUTE_ACCESS_VARIABLE = 'DOLBOM_ROUTE_ACCESS';

/** The value of ROUTE_ACCESS_VARIABLE for a handler; undefined for one behind no route (a workflow step, a stream trigger). */
export function routeAccessVariable(handler: HandlerId): string | undefined {
  const served = routes.filter((r) => r.handler === handler);
  return served.length > 0 ? JSON.stringify(Object.fromEntries(served.map((r) => [routeKeyOf(r), r.access]))) : undefined;
}
