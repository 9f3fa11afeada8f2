import { districtDistance } from '../../forms/district-adjacency';
import type { Text } from '../../forms/i18n';
import type { CounsellorForMatching } from '../providers/registry';
import { fits } from './constraints';
import type { Candidate, MatchRequest, ScorePart } from './match-types';
import { scoreParts } from './score';

/**
 * The best candidates for a match request on a day (ISO): only counsellors meeting every hard
 * constraint, best score first; on equal scores the nearer agency, then the counsellor id, so the
 * same registry gives the same list whatever order it was read in (counsellor ids are unique).
 */
export function rankCandidates(request: MatchRequest, counsellors: readonly CounsellorForMatching[], on: string, limit = 5): Candidate[] {
  return counsellors
    .filter((counsellor) => fits(request, counsellor, on))
    .map((counsellor) => ({ candidate: candidateOf(request, counsellor), steps: districtDistance(request.district, counsellor.agencyDistrict) }))
    .sort((a, b) => b.candidate.score - a.candidate.score || a.steps - b.steps || byCodeUnits(a.candidate.counsellorId, b.candidate.counsellorId))
    .slice(0, Math.max(0, limit))
    .map(({ candidate }) => candidate);
}

/** A fitting counsellor as a candidate: their score, its parts and the reason in one line. */
export function candidateOf(request: MatchRequest, counsellor: CounsellorForMatching): Candidate {
  const parts = scoreParts(request, counsellor);
  return {
    counsellorId: counsellor.counsellorId,
    agencyId: counsellor.agencyId,
    agencyName: counsellor.agencyName,
    agencyDistrict: counsellor.agencyDistrict,
    score: parts.reduce((total, part) => total + part.points, 0),
    parts,
    reason: reasonOf(parts),
  };
}

/**
 * The parts that earned points, as one sentence ("같은 구, 야간 가능, 여성 상담사 희망 충족" / "Same
 * district, evenings available, female counsellor as asked"); when none did, every part, so the
 * reason still says how the candidate stands.
 */
export function reasonOf(parts: readonly ScorePart[]): Text {
  const earned = parts.filter((part) => part.points > 0);
  const shown = earned.length ? earned : parts;
  const en = shown.map((p) => p.reason.en).join(', ');
  return { ko: shown.map((p) => p.reason.ko).join(', '), en: en.charAt(0).toUpperCase() + en.slice(1) };
}

/** Locale-independent order, the same on every machine. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
