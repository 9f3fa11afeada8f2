import type { Application } from '../applications/application';
import { priorityRankOf } from '../eligibility/priority';
import type { MatchRequest } from './match-types';
import { matchRequestOf } from './match-request';

/**
 * What matching reads of an application now: its priority rank from eligibility, since when it
 * waits, whom it had (continuity), and whom it may not be offered again.
 */
export function requestFor(application: Application, at: string): MatchRequest {
  return matchRequestOf(application, {
    rank: priorityRankOf(application.eligibility),
    waitingSince: application.match?.waitingSince ?? at,
    previousCounsellorId: application.counsellorId,
    excludedCounsellorIds: application.match?.excludedCounsellorIds ?? [],
  });
}
