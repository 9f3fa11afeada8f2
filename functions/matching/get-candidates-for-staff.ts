import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { openForStaff } from '../status/staff-access';
import { candidateView } from './candidate-view';
import { liveCandidates } from './candidates-preview';
import { registryNames } from './registry-names';

/**
 * GET /api/staff/applications/{applicationId}/candidates — the live ranking of an application, best
 * first: whom the case manager can propose before approving, and why each one. Nothing is reserved.
 */
export const handler = httpHandler(async (event) => {
  const application = await openForStaff(event, 'candidates.viewed-by-staff');
  const rankedAt = now().toISOString();
  const candidates = await liveCandidates(application, rankedAt);
  const names = await registryNames(candidates);
  return { status: 200, body: { applicationId: application.id, rankedAt, candidates: candidates.map((c) => candidateView(c, names)) } };
});
