import type { Route } from '../routes';
import { staffGroups, type StaffGroup } from '../staff-groups';
import type { StaffActor } from '../applications/audit';
import type { HttpEvent } from './http';
import { problem } from './problems';

/**
 * Which groups may use each route this function serves, by route key. In AWS, the function's own
 * routes, from the variable CDK sets from the route list (routes.ts `ROUTE_ACCESS_VARIABLE`, spelled
 * out here: importing it would load the list), so a cold start does not read every route; without
 * the variable — the local cloud, which runs every handler in one process, and tests — the list itself.
 */
const routeAccess: ReadonlyMap<string, Route['access']> = process.env.DOLBOM_ROUTE_ACCESS
  ? new Map(Object.entries(JSON.parse(process.env.DOLBOM_ROUTE_ACCESS) as Record<string, Route['access']>))
  : await import('../routes').then(({ routes, routeKeyOf }) => new Map(routes.map((r) => [routeKeyOf(r), r.access])));

/** A signed-in staff member, from the JWT claims the authorizer (Cognito or the local issuer) checked. */
export interface StaffMember {
  userId: string;
  groups: StaffGroup[];
  /**
   * District codes a caseworker or supervisor serves (`custom:districts`, which only administrators
   * write: the console's app client may not, see infra/data-stack.ts); operators see every district.
   */
  districts: string[];
  /**
   * The agency (제공기관) a provider's staff member works for (`custom:agency`, administrators only, like
   * `custom:districts`): their scope in the registry and, later, in the provider portal.
   */
  agency?: string;
}

// API Gateway passes list claims as "[a b]" strings; the local gateway as arrays. Accept both.
function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

/**
 * The signed-in staff member, admitted only if one of their groups may use this route. The JWT
 * authorizer checks the token, not the groups, so the route list's `access` is enforced here.
 */
export function staffMember(event: HttpEvent): StaffMember {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims?.sub) throw problem.unauthorized();
  const groups = listClaim(claims['cognito:groups']).filter((g): g is StaffGroup => (staffGroups as readonly string[]).includes(g));
  const access = routeAccess.get(event.routeKey);
  if (!Array.isArray(access) || !groups.some((g) => access.includes(g))) throw problem.forbidden();
  const agency = typeof claims['custom:agency'] === 'string' && claims['custom:agency'] !== '' ? claims['custom:agency'] : undefined;
  return { userId: String(claims.sub), groups, districts: listClaim(claims['custom:districts']), ...(agency ? { agency } : {}) };
}

/**
 * Whether the staff member may see and act on a case of this district. Supervisors are scoped by
 * `custom:districts` like caseworkers: a supervisor heads a district team (or a few, listed), and the
 * case files hold health and identity data that PIPA's minimum-access rule keeps to those who need it;
 * "every district" is the settlement operator's view (the ledger), never a case file.
 */
export function servesDistrict(staff: StaffMember, district: string): boolean {
  if (staff.groups.includes('operator')) return true;
  return (staff.groups.includes('caseworker') || staff.groups.includes('supervisor')) && staff.districts.includes(district);
}

/** Throws 403 unless the staff member may act on data of this district. */
export function requireDistrict(staff: StaffMember, district: string): void {
  if (!servesDistrict(staff, district)) throw problem.forbidden();
}

/** Whether the staff member may change this agency's registry data: an operator, or the agency's own staff. */
export function servesAgency(staff: StaffMember, agencyId: string): boolean {
  if (staff.groups.includes('operator')) return true;
  return staff.groups.includes('provider') && staff.agency !== undefined && staff.agency === agencyId;
}

/**
 * Throws 403 unless the staff member is an operator or a provider whose agency claim is this agency.
 * Decided from the id alone, before any read: another agency's staff get the same 403 whether or not
 * the agency exists.
 */
export function requireAgency(staff: StaffMember, agencyId: string): void {
  if (!servesAgency(staff, agencyId)) throw problem.forbidden();
}

export function staffActor(staff: StaffMember, event: HttpEvent): StaffActor {
  return { kind: 'staff', userId: staff.userId, groups: staff.groups, sourceIp: event.requestContext.http.sourceIp };
}
