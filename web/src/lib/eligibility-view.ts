/**
 * The eligibility explanation, as the pre-screen, the status page and the case file show it: the
 * outcome, then every criterion with its verdict and reason, then the copay.
 */
import type { Text } from '../../../forms/i18n';
import type { CopayResult, Criterion, Outcome } from '../../../functions/eligibility/types';
import { h, txt } from './dom';
import { krw } from './i18n';

/** What the API returns; the citizen's copy leaves out the inputs, thresholds and priority. */
export interface EligibilityExplanation {
  outcome: Outcome;
  reasons?: Text[];
  criteria: (Pick<Criterion, 'id' | 'label' | 'passed' | 'reason'> & Partial<Pick<Criterion, 'inputs' | 'threshold'>>)[];
  copay?: CopayResult;
  priority?: { rank: number; reason: Text };
  ruleVersion?: { programme: string; definitionVersion: string; incomeTableYear: number };
  decidedAt?: string;
  /** The status page's: what came after the rules (an override, a case manager's rejection), so the box agrees with the outcome. */
  afterRules?: { heading: Text; note: Text };
}

export const outcomeLabels: Record<Outcome, Text> = {
  eligible: { ko: '지원 대상에 해당합니다', en: 'Eligible' },
  ineligible: { ko: '지원 대상에 해당하지 않습니다', en: 'Not eligible' },
  'needs-review': { ko: '담당자 확인이 필요합니다', en: 'A case manager needs to check' },
};

const verdicts = {
  passed: { ko: '충족', en: 'Met' },
  failed: { ko: '미충족', en: 'Not met' },
  open: { ko: '확인 필요', en: 'To be checked' },
} satisfies Record<string, Text>;

const headings = {
  criteria: { ko: '판단 기준', en: 'Criteria' },
  copay: { ko: '본인부담금', en: 'Copayment' },
  priority: { ko: '우선순위', en: 'Priority' },
  rules: { ko: '적용 기준', en: 'Rules applied' },
} satisfies Record<string, Text>;

function copayText(copay: CopayResult): Text | undefined {
  if (copay.ratePercent === null || copay.amountKrw === null) return undefined;
  const amount = krw(copay.amountKrw);
  if (copay.packageAmount !== undefined && copay.packageAmount !== null) {
    return { ko: `${copay.ratePercent}% — 패키지당 ${amount.ko}`, en: `${copay.ratePercent}% — ${amount.en} per package` };
  }
  return { ko: `${copay.ratePercent}% — 월 ${amount.ko}`, en: `${copay.ratePercent}% — ${amount.en} a month` };
}

function criterionItem(criterion: EligibilityExplanation['criteria'][number]): HTMLLIElement {
  const state = criterion.passed === true ? 'passed' : criterion.passed === false ? 'failed' : 'open';
  const item = h(
    'li',
    { class: `criterion criterion-${state}`, 'data-criterion': criterion.id },
    h('span', { class: 'verdict' }, verdicts[state]),
    ' ',
    h('strong', {}, criterion.label),
    h('br'),
    h('span', { class: 'reason' }, criterion.reason),
  );
  return item;
}

const nextLevel = { h2: 'h3', h3: 'h4', h4: 'h5' } as const;

/** `headingLevel` is the outcome's heading, placed under whatever heading the page already has. */
export function eligibilityView(result: EligibilityExplanation, headingLevel: keyof typeof nextLevel = 'h3'): HTMLElement {
  const sub = nextLevel[headingLevel];
  const copay = result.copay && result.outcome !== 'ineligible' ? copayText(result.copay) : undefined;
  return h(
    'section',
    { class: `eligibility outcome-${result.outcome}`, 'data-outcome': result.outcome },
    txt(headingLevel, result.afterRules?.heading ?? outcomeLabels[result.outcome], { class: 'outcome' }),
    result.afterRules ? txt('p', result.afterRules.note, { class: 'after-rules', id: 'eligibility-after-rules' }) : null,
    result.reasons?.[0] ? txt('p', result.reasons[0], { class: 'headline' }) : null,
    txt(sub, headings.criteria),
    h('ul', { class: 'criteria' }, ...result.criteria.map(criterionItem)),
    copay ? txt(sub, headings.copay) : null,
    copay ? txt('p', copay, { class: 'copay' }) : null,
    result.priority ? txt(sub, headings.priority) : null,
    result.priority ? txt('p', result.priority.reason) : null,
    result.ruleVersion
      ? h(
          'p',
          { class: 'rule-version' },
          headings.rules,
          `: ${result.ruleVersion.programme} ${result.ruleVersion.definitionVersion} · ${result.ruleVersion.incomeTableYear}`,
        )
      : null,
  );
}
