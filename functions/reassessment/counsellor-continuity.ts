import type { Text } from '../../forms/i18n';
import { constraints } from '../matching/constraints';
import type { MatchRequest } from '../matching/match-types';
import type { CounsellorForMatching } from '../providers/registry';

/** Why the serving counsellor cannot carry the person into the next period. */
export interface ContinuityGap {
  code: string;
  text: Text;
}

export type Continuity = { keep: true } | { keep: false; gaps: ContinuityGap[] };

const notRegistered: ContinuityGap = {
  code: 'not-registered',
  text: { ko: '상담사 또는 제공기관이 등록부에 없음', en: 'The counsellor or the agency is no longer in the registry' },
};

const overCapacity = (c: CounsellorForMatching): ContinuityGap => ({
  code: 'over-capacity',
  text: {
    ko: `맡은 사례(${c.reserved})가 주간 정원(${c.weeklyCapacity})을 넘음`,
    en: `Carries ${c.reserved} cases over a weekly capacity of ${c.weeklyCapacity}`,
  },
});

/**
 * Whether the counsellor serving an application keeps them into the next period (issue 8 §5: "an
 * extension keeps the counsellor where they have room"). They must still meet every hard constraint
 * of a match that concerns who they are and what their agency offers (active, programme, service
 * type, training, qualification, voucher type: matching's own `class` constraints, so the two cannot
 * disagree), and not be over capacity. The person's place is already among `reserved`, so "room"
 * is `reserved ≤ weeklyCapacity`, not a free place more.
 */
export function continuityOf(request: MatchRequest, serving: CounsellorForMatching | undefined, on: string): Continuity {
  if (!serving) return { keep: false, gaps: [notRegistered] };
  const gaps: ContinuityGap[] = constraints
    .filter((c) => c.scope === 'class' && !c.holds(request, serving, on))
    .map((c) => ({ code: c.name, text: { ko: `조건 불충족: ${c.label.ko}`, en: `No longer holds: ${c.label.en}` } }));
  if (serving.reserved > serving.weeklyCapacity) gaps.push(overCapacity(serving));
  return gaps.length ? { keep: false, gaps } : { keep: true };
}
