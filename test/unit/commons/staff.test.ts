import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROUTE_ACCESS_VARIABLE, routeAccessVariable } from '../../../functions/routes';
import type { HttpEvent } from '../../../functions/commons/http';
import { HttpProblem } from '../../../functions/commons/problems';
import { requireAgency, requireDistrict, staffMember, type StaffMember } from '../../../functions/commons/staff';

function event(routeKey: string, claims?: Record<string, unknown>): HttpEvent {
  return { routeKey, requestContext: { http: { sourceIp: '10.0.0.1' }, ...(claims ? { authorizer: { jwt: { claims } } } : {}) } } as unknown as HttpEvent;
}

const status = (fn: () => unknown) => {
  try {
    fn();
    return 200;
  } catch (error) {
    return (error as HttpProblem).status;
  }
};

describe('staffMember', () => {
  it('reads groups and districts in both claim forms (API Gateway strings, local arrays)', () => {
    const fromAws = staffMember(event('GET /api/staff/tasks', { sub: 'u1', 'cognito:groups': '[caseworker other]', 'custom:districts': '11110,11440' }));
    expect(fromAws).toEqual({ userId: 'u1', groups: ['caseworker'], districts: ['11110', '11440'] });
    const fromLocal = staffMember(event('GET /api/staff/tasks', { sub: 'u2', 'cognito:groups': ['supervisor'], 'custom:districts': '' }));
    expect(fromLocal).toEqual({ userId: 'u2', groups: ['supervisor'], districts: [] });
  });

  it("reads a provider's agency from custom:agency, and none when the claim is absent or empty", () => {
    const route = 'GET /api/registry/agencies';
    expect(staffMember(event(route, { sub: 'p', 'cognito:groups': ['provider'], 'custom:agency': 'P-HANUL' })).agency).toBe('P-HANUL');
    expect(staffMember(event(route, { sub: 'p', 'cognito:groups': ['provider'] }))).not.toHaveProperty('agency');
    expect(staffMember(event(route, { sub: 'p', 'cognito:groups': ['provider'], 'custom:agency': '' }))).not.toHaveProperty('agency');
  });

  it('answers 401 without claims and 403 to a group the route does not admit', () => {
    expect(status(() => staffMember(event('GET /api/staff/tasks')))).toBe(401);
    expect(status(() => staffMember(event('GET /api/staff/tasks', { sub: 'p', 'cognito:groups': ['provider'] })))).toBe(403);
    expect(status(() => staffMember(event('GET /api/staff/applications/{applicationId}', { sub: 'o', 'cognito:groups': ['operator'] })))).toBe(403);
    expect(status(() => staffMember(event('GET /not/a/route', { sub: 's', 'cognito:groups': ['supervisor'] })))).toBe(403);
  });
});

describe('staffMember in a deployed function', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('admits by the access of its own routes, from the variable CDK sets from the route list', async () => {
    vi.stubEnv(ROUTE_ACCESS_VARIABLE, routeAccessVariable('countTasks')!);
    vi.resetModules();
    const deployed = (await import('../../../functions/commons/staff')).staffMember;
    expect(deployed(event('GET /api/staff/tasks/counts', { sub: 's', 'cognito:groups': ['supervisor'] })).userId).toBe('s');
    expect(status(() => deployed(event('GET /api/staff/tasks/counts', { sub: 'c', 'cognito:groups': ['caseworker'] })))).toBe(403);
    // A route of another function, which the whole list would admit a supervisor to: not this function's.
    expect(status(() => deployed(event('GET /api/staff/tasks', { sub: 's', 'cognito:groups': ['supervisor'] })))).toBe(403);
  });
});

describe('requireDistrict', () => {
  const caseworker = { userId: 'c', groups: ['caseworker' as const], districts: ['11110'] };
  it('lets a caseworker act in their own districts only', () => {
    expect(status(() => requireDistrict(caseworker, '11110'))).toBe(200);
    expect(status(() => requireDistrict(caseworker, '11440'))).toBe(403);
  });
  it("lets a supervisor act in the districts they head, and no other", () => {
    const supervisor = { userId: 's', groups: ['supervisor' as const], districts: ['11110', '11440'] };
    expect(status(() => requireDistrict(supervisor, '11440'))).toBe(200);
    expect(status(() => requireDistrict(supervisor, '11680'))).toBe(403);
    expect(status(() => requireDistrict({ userId: 's', groups: ['supervisor'], districts: [] }, '11440'))).toBe(403);
  });
  it('lets an operator act in every district (settlement)', () => {
    expect(status(() => requireDistrict({ userId: 'o', groups: ['operator'], districts: [] }, '11680'))).toBe(200);
  });
});

describe('requireAgency', () => {
  const provider = (agency?: string): StaffMember => ({ userId: 'p', groups: ['provider'], districts: [], ...(agency ? { agency } : {}) });
  it("lets a provider act on their own agency only", () => {
    expect(status(() => requireAgency(provider('P-MAEUMSUP'), 'P-MAEUMSUP'))).toBe(200);
    expect(status(() => requireAgency(provider('P-MAEUMSUP'), 'P-HANUL'))).toBe(403);
  });
  it('refuses a provider without an agency claim, whatever the agency', () => {
    expect(status(() => requireAgency(provider(), 'P-MAEUMSUP'))).toBe(403);
    expect(status(() => requireAgency(provider(), ''))).toBe(403);
  });
  it('lets an operator act on every agency', () => {
    expect(status(() => requireAgency({ userId: 'o', groups: ['operator'], districts: [] }, 'P-HANUL'))).toBe(200);
  });
  it('refuses caseworkers and supervisors, even with an agency claim', () => {
    expect(status(() => requireAgency({ userId: 's', groups: ['supervisor'], districts: [] }, 'P-HANUL'))).toBe(403);
    expect(status(() => requireAgency({ userId: 'c', groups: ['caseworker'], districts: ['11110'], agency: 'P-HANUL' }, 'P-HANUL'))).toBe(403);
  });
});
