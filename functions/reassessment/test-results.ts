import type { Text } from '../../forms/i18n';
import { changeOf, screen, type Change, type Score } from '../screening/score';
import type { Session } from '../service-period/session';

/** A held test session's scores, computed again from the item answers kept with it. */
export interface TestResult {
  sessionId: string;
  on: string;
  phq9: Score;
  gad7: Score;
}

/** A change with its direction in words: "PHQ-9 18 → 9, 중등도-고도 → 경도, 개선". */
export interface ScoreChange extends Change {
  directionLabel: Text;
}

export interface TestResults {
  pre?: TestResult;
  post?: TestResult;
  /** Both instruments, when the pre- and the post-test were both held with answers. */
  changes: ScoreChange[];
  /** What is missing for a comparison, in words (no pre-test, no post-test yet). */
  missing: Text[];
}

const directionLabels: Record<Change['direction'], Text> = {
  improved: { ko: '개선', en: 'improved' },
  unchanged: { ko: '변화 없음', en: 'unchanged' },
  worsened: { ko: '악화', en: 'worsened' },
};

const missingTexts = {
  pre: { ko: '이번 기간의 사전검사 결과가 없습니다', en: 'No pre-test result in this period' },
  post: { ko: '이번 기간의 사후검사(종결 회기) 결과가 아직 없습니다', en: 'No post-test (closing session) result in this period yet' },
};

/** The test of a kind, if it was held with answers (a later correction without answers means none). */
function testOf(sessions: readonly Session[], kind: 'pre-test' | 'closing'): TestResult | undefined {
  const session = sessions.find((s) => s.kind === kind && s.record?.outcome === 'held' && s.record.screening);
  const record = session?.record;
  if (!session || !record?.screening) return undefined;
  // Scored from the answers (score.ts), so the bands are the instruments' and never a stored copy's.
  const { phq9, gad7 } = screen(record.screening.answers);
  return { sessionId: session.sessionId, on: record.on, phq9, gad7 };
}

function withDirection(change: Change): ScoreChange {
  const label = directionLabels[change.direction];
  return {
    ...change,
    directionLabel: label,
    summary: { ko: `${change.summary.ko}, ${label.ko}`, en: `${change.summary.en}, ${label.en}` },
  };
}

/**
 * The pre-test (the plan's first session) and the post-test (its closing session) of one period, and
 * their change per instrument. Only the plan's test sessions count: a period is compared with its own
 * start, never with an earlier period's.
 */
export function testResultsOf(sessions: readonly Session[]): TestResults {
  const pre = testOf(sessions, 'pre-test');
  const post = testOf(sessions, 'closing');
  const changes = pre && post ? [withDirection(changeOf(pre.phq9, post.phq9)), withDirection(changeOf(pre.gad7, post.gad7))] : [];
  const missing = [...(pre ? [] : [missingTexts.pre]), ...(post ? [] : [missingTexts.post])];
  return { ...(pre ? { pre } : {}), ...(post ? { post } : {}), changes, missing };
}
