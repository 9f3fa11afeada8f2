import { conditionHolds } from '../../forms/answers';
import type { PriorityRules } from '../../forms/types';
import type { Text } from '../../forms/i18n';

/** The first rank whose condition the answers meet, else the programme's default rank. */
export function rankPriority(rules: PriorityRules, answers: unknown): { rank: number; reason: Text } {
  const match = rules.ranks.find((rank) => conditionHolds(answers, rank.when));
  return match ? { rank: match.rank, reason: match.reason } : rules.otherwise;
}

/**
 * The priority rank stored with an application's eligibility decision (`EligibilityResult.priority`,
 * 1 = served first): matching and the waitlist order by it. Throws when there is none, since an
 * application reaches matching only after its eligibility was decided.
 */
export function priorityRankOf(eligibility: unknown): number {
  const rank = (eligibility as { priority?: { rank?: unknown } } | null | undefined)?.priority?.rank;
  if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 1) {
    throw new TypeError('the application has no eligibility decision with a priority rank');
  }
  return rank;
}
