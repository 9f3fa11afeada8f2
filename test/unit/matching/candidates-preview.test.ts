import { describe, expect, it } from 'vitest';
import type { Application } from '../../../functions/applications/application';
import { liveCandidates, PREVIEW_LIMIT, type Ranking } from '../../../functions/matching/candidates-preview';
import type { Candidate, MatchRequest } from '../../../functions/matching/match-types';
import type { CounsellorForMatching } from '../../../functions/providers/registry';

const application = { id: 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF', programme: 'youth', district: '11110' } as Application;
const counsellors = [{ counsellorId: 'C-1' }, { counsellorId: 'C-2' }] as CounsellorForMatching[];
const candidate = (counsellorId: string): Candidate => ({
  counsellorId,
  agencyId: 'AG-1',
  agencyName: { ko: '마음숲', en: 'Maeumsup' },
  agencyDistrict: '11110',
  score: 1,
  parts: [],
  reason: { ko: '같은 구', en: 'Same district' },
});

describe('liveCandidates', () => {
  it("ranks the application's match request over the registry at the moment given, top ten", async () => {
    const calls: unknown[][] = [];
    const ranking: Ranking = {
      requestFor: (a, at) => ({ applicationId: a.id, district: a.district, waitingSince: at }) as MatchRequest,
      counsellorsForMatching: async () => counsellors,
      rankCandidates: (...args) => {
        calls.push(args);
        return [candidate('C-2'), candidate('C-1')];
      },
    };
    const at = '2026-03-02T01:15:00.000Z';
    expect((await liveCandidates(application, at, ranking)).map((c) => c.counsellorId)).toEqual(['C-2', 'C-1']);
    expect(calls).toEqual([[{ applicationId: application.id, district: '11110', waitingSince: at }, counsellors, at, PREVIEW_LIMIT]]);
    expect(PREVIEW_LIMIT).toBe(10);
  });
});
