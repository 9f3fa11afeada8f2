import { conditionHolds } from '../../forms/answers';
import type { PriorityRules } from '../../forms/types';
import type { Text } from '../../forms/i18n';

/** The first rank whose condition the answers meet, else the programme's default rank. */
export function rankPriority(rules: PriorityRules, answers: unknown): { rank: number; reason: Text } {
  const match = rules.ranks.find((rank) => conditionHolds(answers, rank.when));
  return match ? { rank: match.rank, reason: match.reason } : rules.otherwise;
}
