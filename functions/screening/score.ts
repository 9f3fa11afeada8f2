/**
 * Totals, bands, risk and change of the screening instruments — DOMAIN.md §4. Pure functions of the
 * item answers: a total or a band is never typed in, so the two can never disagree.
 */
import type { Text } from '../../forms/i18n';
import type { Gad7Items, Phq9Items } from './answers';
import { bandLabels, gad7, highRisk, instruments, phq9, type BandId, type Instrument, type InstrumentId } from './instruments';

export interface Score {
  instrument: InstrumentId;
  total: number;
  band: BandId;
  /** The band in words: { ko: '중등도-고도', en: 'moderately severe' }. */
  label: Text;
}

/**
 * Sums the items and finds the band. The items were validated on receipt (answers.ts); anything else
 * here is a programming error, so it throws rather than score a questionnaire that was not answered.
 */
function scoreOf(instrument: Instrument<InstrumentId>, items: readonly number[]): Score {
  if (items.length !== instrument.items || !items.every((i) => Number.isInteger(i) && i >= 0 && i <= instrument.itemMax)) {
    throw new RangeError(`${instrument.short} needs ${instrument.items} integer answers 0–${instrument.itemMax}, got [${items.join(', ')}]`);
  }
  const total = items.reduce((sum, i) => sum + i, 0);
  const band = instrument.bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new RangeError(`${instrument.short} bands do not cover ${total}`);
  return { instrument: instrument.id, total, band: band.id, label: bandLabels[band.id] };
}

export function scorePhq9(items: Phq9Items): Score {
  return scoreOf(phq9, items);
}

export function scoreGad7(items: Gad7Items): Score {
  return scoreOf(gad7, items);
}

export type RiskCode = 'phq9-severe' | 'phq9-self-harm' | 'gad7-severe';

export interface Risk {
  high: boolean;
  /** Every rule that holds, in the order of DOMAIN.md §4; empty when `high` is false. */
  reasons: { code: RiskCode; text: Text }[];
}

/**
 * High risk when PHQ-9 ≥ 20, or PHQ-9 item 9 > 0 whatever the total, or GAD-7 ≥ 15 (DOMAIN.md §4,
 * thresholds in `highRisk`). A questionnaire not given contributes no reason. High risk opens an
 * urgent task for the case manager and, at closure, a referral.
 */
export function riskOf(answers: { phq9?: Phq9Items; gad7?: Gad7Items }): Risk {
  const reasons: Risk['reasons'] = [];
  if (answers.phq9) {
    const { total } = scorePhq9(answers.phq9);
    if (total >= highRisk.phq9TotalAtLeast) {
      reasons.push({
        code: 'phq9-severe',
        text: {
          ko: `PHQ-9 총점 ${total}점(${highRisk.phq9TotalAtLeast}점 이상, 고도 우울)`,
          en: `PHQ-9 total ${total} (${highRisk.phq9TotalAtLeast} or more: severe depression)`,
        },
      });
    }
    const item9 = answers.phq9[highRisk.phq9SuicideItem - 1] ?? 0;
    if (item9 > 0) {
      reasons.push({
        code: 'phq9-self-harm',
        text: {
          ko: `PHQ-9 ${highRisk.phq9SuicideItem}번 문항(죽음·자해에 대한 생각) ${item9}점: 총점과 관계없이 즉시 확인이 필요합니다`,
          en: `PHQ-9 item ${highRisk.phq9SuicideItem} (thoughts of death or self-harm) scored ${item9}: urgent follow-up whatever the total`,
        },
      });
    }
  }
  if (answers.gad7) {
    const { total } = scoreGad7(answers.gad7);
    if (total >= highRisk.gad7TotalAtLeast) {
      reasons.push({
        code: 'gad7-severe',
        text: {
          ko: `GAD-7 총점 ${total}점(${highRisk.gad7TotalAtLeast}점 이상, 고도 불안)`,
          en: `GAD-7 total ${total} (${highRisk.gad7TotalAtLeast} or more: severe anxiety)`,
        },
      });
    }
  }
  return { high: reasons.length > 0, reasons };
}

export interface Change {
  instrument: InstrumentId;
  pre: Score;
  post: Score;
  /** post − pre: negative is fewer symptoms. */
  totalChange: number;
  /** Bands moved, post − pre: −2 is two bands better. */
  bandChange: number;
  direction: 'improved' | 'unchanged' | 'worsened';
  /** For the re-assessment and the closure summary: "PHQ-9 18 → 9, 중등도-고도 → 경도". */
  summary: Text;
}

/** The change between a pre-test and a post-test (or two re-assessments) of one instrument. */
export function changeOf(pre: Score, post: Score): Change {
  if (pre.instrument !== post.instrument) throw new RangeError(`cannot compare ${pre.instrument} with ${post.instrument}`);
  const instrument = instruments[pre.instrument];
  const rank = (band: BandId) => instrument.bands.findIndex((b) => b.id === band);
  const totalChange = post.total - pre.total;
  return {
    instrument: pre.instrument,
    pre,
    post,
    totalChange,
    bandChange: rank(post.band) - rank(pre.band),
    direction: totalChange < 0 ? 'improved' : totalChange > 0 ? 'worsened' : 'unchanged',
    summary: {
      ko: `${instrument.short} ${pre.total} → ${post.total}, ${pre.label.ko} → ${post.label.ko}`,
      en: `${instrument.short} ${pre.total} → ${post.total}, ${pre.label.en} → ${post.label.en}`,
    },
  };
}

/**
 * A test session's answers, scored: what the session record keeps and what decides the urgent task.
 *
 * @example
 * const { phq9, gad7, risk } = screen(screeningAnswersSchema.parse(body.screening));
 * if (risk.high) openUrgentTask(application, risk.reasons);
 */
export function screen(answers: { phq9: Phq9Items; gad7: Gad7Items }): { phq9: Score; gad7: Score; risk: Risk } {
  return { phq9: scorePhq9(answers.phq9), gad7: scoreGad7(answers.gad7), risk: riskOf(answers) };
}
