import type { Application } from '../applications/application';
import type { CounsellorForMatching } from '../providers/registry';
import { counsellorsForMatching } from '../providers/registry-store';
import { rankCandidates } from './rank';
import { requestFor } from './request-for';
import type { Candidate, MatchRequest } from './match-types';

/** How many candidates the case manager sees, and chooses from, before the offer goes out. */
export const PREVIEW_LIMIT = 10;

/** What the preview needs of matching: the same ranking MatchProvider uses, over the live registry. */
export interface Ranking {
  requestFor(application: Application, at: string): MatchRequest;
  counsellorsForMatching(): Promise<CounsellorForMatching[]>;
  rankCandidates(request: MatchRequest, counsellors: readonly CounsellorForMatching[], on: string, limit: number): Candidate[];
}

const registryRanking: Ranking = { requestFor, counsellorsForMatching, rankCandidates };

/**
 * The application's ranking as it stands at `at`: who would be offered the place if it were approved
 * now, best first. Nothing is stored or reserved; the workflow ranks again when it matches.
 */
export async function liveCandidates(application: Application, at: string, ranking: Ranking = registryRanking): Promise<Candidate[]> {
  const request = ranking.requestFor(application, at);
  return ranking.rankCandidates(request, await ranking.counsellorsForMatching(), at, PREVIEW_LIMIT);
}
