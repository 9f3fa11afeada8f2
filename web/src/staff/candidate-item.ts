/** One candidate of a ranking, the same way wherever it is shown: who, where, how well, and why. */
import type { Text } from '../../../forms/i18n';
import { formatNumber } from '../../../forms/i18n';
import { h, type Child } from '../lib/dom';
import { districtText } from './texts';
import type { CandidateView } from './types';

const factorLabels: Record<string, Text> = {
  distance: { ko: '거리', en: 'Distance' },
  gender: { ko: '상담사 성별', en: 'Counsellor gender' },
  language: { ko: '언어', en: 'Language' },
  time: { ko: '시간대', en: 'Time of day' },
  continuity: { ko: '연속성', en: 'Continuity' },
  load: { ko: '업무량', en: 'Caseload' },
};

/** "서연 상담사", or the id when the registry no longer knows the counsellor. */
export function counsellorName(firstName: string | undefined, counsellorId: string): Text {
  return firstName ? { ko: `${firstName} 상담사`, en: `${firstName} (counsellor)` } : { ko: `상담사 ${counsellorId}`, en: `Counsellor ${counsellorId}` };
}

export function scoreText(score: number): Text {
  return { ko: `점수 ${formatNumber(score)}`, en: `Score ${formatNumber(score)}` };
}

/** The candidate in three short lines: counsellor and agency; district and score; the reason. */
export function candidateLines(c: CandidateView, rank: number): Child[] {
  return [
    h('span', { class: 'who-line' }, h('span', { class: 'rank' }, `${rank}`), h('strong', { class: 'counsellor' }, counsellorName(c.counsellorFirstName, c.counsellorId)), ' · ', h('span', { class: 'agency' }, c.agencyName)),
    h('span', { class: 'meta' }, c.agencyDistrictName ?? districtText(c.agencyDistrict), ' · ', h('span', { class: 'score' }, scoreText(c.score))),
    h('span', { class: 'reason' }, c.reason),
  ];
}

/** How the score adds up, factor by factor (folded away: the reason above says it in words). */
export function partsView(c: CandidateView): HTMLElement | null {
  if (!c.parts.length) return null;
  const sign = (points: number) => (points > 0 ? `+${formatNumber(points)}` : formatNumber(points));
  return h(
    'details',
    { class: 'parts' },
    h('summary', {}, { ko: '점수 내역', en: 'How the score adds up' }),
    h(
      'ul',
      {},
      ...c.parts.map((p) => h('li', { 'data-factor': p.factor }, h('span', { class: 'points' }, sign(p.points)), ' ', factorLabels[p.factor] ?? p.factor, ': ', p.reason)),
    ),
  );
}
