import type { Application } from '../applications/application';
import type { EligibilityResult } from '../eligibility/types';
import type { MatchRequest } from './match-types';
import { matchRequestOf } from './match-request';

/** The lowest priority any programme gives: an application without a ranked eligibility waits behind the rest. */
const UNRANKED = 9;

/**
 * What matching reads of an application now: its priority rank from eligibility, since when it
 * waits, whom it had (continuity), and whom it may not be offered again.
 */
export function requestFor(application: Application, at: string): MatchRequest {
  const eligibility = application.eligibility as EligibilityResult | undefined;
  return matchRequestOf(application, {
    rank: eligibility?.priority?.rank ?? UNRANKED,
    waitingSince: application.match?.waitingSince ?? at,
    previousCounsellorId: application.counsellorId,
    excludedCounsellorIds: application.match?.excludedCounsellorIds ?? [],
  });
}
