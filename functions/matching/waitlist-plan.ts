import type { CounsellorForMatching } from '../providers/registry';
import type { MatchRequest } from './match-types';
import { classScore, counsellorClassKey, counsellorPoints, requestClassKey } from './score';
import { assignWaitlist, type WaitlistResult } from './waitlist/assign-waitlist';
import type { WaitlistScorer } from './waitlist/scorer';

/** The scoring module as the waitlist solver reads it, with trainings judged as of `on`. */
export function waitlistScorer(on: string): WaitlistScorer {
  return {
    requestClassKey,
    counsellorClassKey: (counsellor) => counsellorClassKey(counsellor, on),
    classScore: (request, counsellor) => classScore(request, counsellor, on),
    counsellorPoints,
  };
}

/** Which waiting application gets which free place, as of `on` (functions/matching/waitlist/). */
export function planWaitlist(waiting: readonly MatchRequest[], free: readonly CounsellorForMatching[], on: string): WaitlistResult {
  return assignWaitlist(waiting, free, waitlistScorer(on));
}
