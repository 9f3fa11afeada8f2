/**
 * What keeps the status page's eligibility box from contradicting the outcome (issue 9): the rules'
 * result is shown as it was decided, and when a supervisor's override or a case manager's rejection
 * came after it, a heading and a sentence say so. Pure: plain words, no codes, no staff notes.
 */
import type { Text } from '../../forms/i18n';
import type { Application } from '../applications/application';
import type { EligibilityResult, Outcome } from '../eligibility/types';

export interface EligibilityAfterRules {
  /** Replaces the rules' outcome as the box's heading. */
  heading: Text;
  /** Says what happened after the rules, in order. */
  note: Text;
}

const overridden: Record<'eligible' | 'ineligible', { heading: Text; note: Text }> = {
  eligible: {
    heading: { ko: '지원 대상으로 인정되었습니다(구청 재검토)', en: 'Found eligible (on review by the district office)' },
    note: {
      ko: '아래 자격 기준으로는 지원 대상이 아니었지만, 구청에서 다시 검토해 지원 대상으로 인정했습니다.',
      en: 'By the criteria below you were not eligible, but the district office reviewed it again and found you eligible.',
    },
  },
  ineligible: {
    heading: { ko: '지원 대상에 해당하지 않습니다(구청 재검토)', en: 'Not eligible (on review by the district office)' },
    note: {
      ko: '아래 자격 기준 확인은 통과했지만, 구청에서 다시 검토해 지원 대상에 해당하지 않는다고 판단했습니다.',
      en: 'You met the criteria below, but the district office reviewed it again and found you not eligible.',
    },
  },
};

const rulesOnly: Partial<Record<Outcome, { heading: Text; note: Text }>> = {
  eligible: {
    heading: { ko: '자격 기준 확인: 충족', en: 'Eligibility criteria: met' },
    note: { ko: '아래 자격 기준 확인은 통과했습니다.', en: 'You met the criteria below.' },
  },
  'needs-review': {
    heading: { ko: '자격 기준 확인: 담당자 확인 필요', en: 'Eligibility criteria: checked by a case manager' },
    note: { ko: '아래 자격 기준만으로는 판단할 수 없어 담당자가 확인했습니다.', en: 'The criteria below could not settle it, so a case manager checked.' },
  },
};

const rejectedOnReview: Text = {
  ko: '그 뒤 담당자가 검토해, 위 결정에 적힌 사유로 지원하지 않기로 결정했습니다.',
  en: 'A case manager then reviewed the application and decided not to approve it, for the reason given in the decision above.',
};

const join = (parts: Text[]): Text => ({ ko: parts.map((p) => p.ko).join(' '), en: parts.map((p) => p.en).join(' ') });

export function eligibilityAfterRules(application: Pick<Application, 'status' | 'eligibility' | 'eligibilityOverride' | 'rejection'>): EligibilityAfterRules | undefined {
  const rules = (application.eligibility as EligibilityResult | undefined)?.outcome;
  if (!rules) return undefined;
  const override = application.eligibilityOverride && overridden[application.eligibilityOverride.outcome];
  const onReview = application.status === 'rejected' && application.rejection?.basis === 'review';
  const first = override ?? (onReview ? rulesOnly[rules] : undefined);
  if (!first) return undefined;
  return { heading: first.heading, note: join(onReview ? [first.note, rejectedOnReview] : [first.note]) };
}
