/**
 * The status page's rejection: who decided, why in plain words, the case manager's words to the
 * applicant if they wrote any, and how to appeal (이의신청) — where and by when. The server sends no
 * codes and no staff notes (functions/closure/rejection.ts).
 */
import type { Text } from '../../../forms/i18n';
import { h, txt } from '../lib/dom';
import { dateText, dateTimeText } from '../lib/i18n';

export interface RejectionView {
  decidedAt: string;
  decidedBy: Text;
  reasons: Text[];
  fromCaseManager?: string;
  appeal: { office: Text; by: string; days: number };
}

const ui = {
  heading: { ko: '지원 대상으로 결정되지 않았습니다', en: 'Your application was not approved' },
  decidedAt: { ko: '결정일시', en: 'Decided on' },
  decidedBy: { ko: '결정', en: 'Decided by' },
  reason: { ko: '사유', en: 'Why' },
  fromCaseManager: { ko: '담당자 안내', en: 'From your case manager' },
  appealHeading: { ko: '이의신청', en: 'Appeal (이의신청)' },
  appeal: (view: RejectionView['appeal']): Text => {
    const by = dateText(view.by);
    return {
      ko: `이 결정에 동의하지 않으면 ${by.ko}까지 ${view.office.ko}에 이의신청을 할 수 있습니다(결정을 알린 날부터 ${view.days}일, 행정기본법 제36조). 접수번호를 함께 알려 주세요.`,
      en: `If you disagree with this decision, you can appeal to ${view.office.en} by ${by.en} (${view.days} days from the notice, Framework Act on Administrative Regulation, art. 36). Quote your receipt number.`,
    };
  },
  again: { ko: '상황이 바뀌면(소득, 주소 등) 언제든 새로 신청할 수 있습니다.', en: 'If your situation changes (income, address, …), you can apply anew at any time.' },
} as const;

export function rejectionSection(view: RejectionView): HTMLElement {
  return h(
    'section',
    { class: 'rejection', id: 'rejection', 'aria-labelledby': 'rejection-heading' },
    txt('h3', ui.heading, { id: 'rejection-heading' }),
    h(
      'dl',
      { class: 'facts' },
      txt('dt', ui.decidedAt),
      h('dd', {}, dateTimeText(view.decidedAt)),
      txt('dt', ui.decidedBy),
      h('dd', {}, view.decidedBy),
      txt('dt', ui.reason),
      h('dd', { id: 'rejection-reasons' }, ...view.reasons.map((r) => txt('p', r))),
      view.fromCaseManager ? txt('dt', ui.fromCaseManager) : null,
      view.fromCaseManager ? h('dd', { id: 'rejection-from-case-manager' }, view.fromCaseManager) : null,
    ),
    txt('h4', ui.appealHeading),
    txt('p', ui.appeal(view.appeal), { id: 'rejection-appeal' }),
    txt('p', ui.again, { class: 'hint' }),
  );
}
