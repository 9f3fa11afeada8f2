import type { MatchRequest } from '../match-types';
import type { CounsellorForMatching } from '../../providers/registry';

/**
 * What the waitlist batch needs of the scoring module (functions/matching/score.ts): the score split
 * into a part shared by whole classes of applications and counsellors, and a small per-counsellor
 * part. 10,000 applications × 1,000 counsellors are 10 million pairs, too many to score one by one
 * inside the batch's time; a few thousand classes on each side are not.
 *
 * The promises the solver's exactness rests on:
 * - `classScore(r, c)` depends only on `requestClassKey(r)` and `counsellorClassKey(c)`; `undefined`
 *   means a hard constraint fails (the pair is never assigned);
 * - `counsellorPoints(r, c)` is the same for every request whose `previousCounsellorId` is not c (the
 *   counsellor's load), plus a continuity bonus when it is;
 * - scores are integers (the solver compares sums exactly); a counsellor in
 *   `r.excludedCounsellorIds` is never assigned to r, whatever the score.
 * The quality of a pair is `classScore + counsellorPoints`.
 */
export interface WaitlistScorer {
  requestClassKey(request: MatchRequest): string;
  counsellorClassKey(counsellor: CounsellorForMatching): string;
  classScore(request: MatchRequest, counsellor: CounsellorForMatching): number | undefined;
  counsellorPoints(request: MatchRequest, counsellor: CounsellorForMatching): number;
}
