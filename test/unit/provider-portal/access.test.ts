import { describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../../functions/commons/http';
import type { HttpProblem } from '../../../functions/commons/problems';
import { staffMember } from '../../../functions/commons/staff';
import { agencyOf } from '../../../functions/provider-portal/agency-offer';

function event(routeKey: string, claims: Record<string, unknown>): HttpEvent {
  return { routeKey, requestContext: { http: { sourceIp: '10.0.0.1' }, authorizer: { jwt: { claims } } } } as unknown as HttpEvent;
}

const status = (fn: () => unknown) => {
  try {
    fn();
    return 200;
  } catch (error) {
    return (error as HttpProblem).status;
  }
};

describe('who may use the provider portal', () => {
  it('is agency staff with an agency claim, scoped to that agency', () => {
    const provider = staffMember(event('GET /api/provider/offers', { sub: 'p', 'cognito:groups': ['provider'], 'custom:agency': 'P-MAEUMSUP' }));
    expect(agencyOf(provider)).toBe('P-MAEUMSUP');
    const unassigned = staffMember(event('GET /api/provider/offers', { sub: 'q', 'cognito:groups': ['provider'] }));
    expect(status(() => agencyOf(unassigned))).toBe(403);
  });

  it.each(['caseworker', 'supervisor', 'operator'])('refuses %s on every provider route, agency claim or not', (group) => {
    for (const routeKey of ['GET /api/provider/offers', 'POST /api/provider/offers/{offerId}/acknowledge', 'POST /api/provider/offers/{offerId}/decision', 'GET /api/provider/caseload']) {
      expect(status(() => staffMember(event(routeKey, { sub: 's', 'cognito:groups': [group], 'custom:agency': 'P-MAEUMSUP' }))), routeKey).toBe(403);
    }
  });

  it('keeps agency staff out of the case-manager routes', () => {
    expect(status(() => staffMember(event('GET /api/staff/tasks', { sub: 'p', 'cognito:groups': ['provider'], 'custom:agency': 'P-MAEUMSUP' })))).toBe(403);
  });
});
