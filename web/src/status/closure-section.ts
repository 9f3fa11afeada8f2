/**
 * The status page's end of the case: a withdrawal or closure being handled, or the case closed and
 * why, in plain words (functions/closure/citizen-closing.ts sends no codes and no staff notes).
 */
import type { Text } from '../../../forms/i18n';
import { h, txt } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';

export interface ClosingView {
  requestedAt: string;
  status: Text;
  reason: Text;
}

export interface ClosureView {
  closedAt: string;
  reason: Text;
  yourNote?: string;
}

const ui = {
  closedHeading: { ko: '종결되었습니다', en: 'The case is closed' },
  closingHeading: { ko: '종결 처리 중', en: 'Being closed' },
  closedAt: { ko: '종결일시', en: 'Closed on' },
  requestedAt: { ko: '요청일시', en: 'Asked on' },
  reason: { ko: '사유', en: 'Why' },
  yourNote: { ko: '남기신 말씀', en: 'What you wrote' },
  help: {
    ko: '다시 도움이 필요하면 언제든 새로 신청할 수 있습니다. 지금 힘들다면 자살예방상담전화 109(24시간)에 전화해 주세요.',
    en: 'If you need help again, you can apply anew at any time. If things are hard right now, call the suicide prevention line 109 (24 hours).',
  },
} as const;

export function closureSection(closure: ClosureView): HTMLElement {
  return h(
    'section',
    { class: 'closure', id: 'closure', 'aria-labelledby': 'closure-heading' },
    txt('h3', ui.closedHeading, { id: 'closure-heading' }),
    h(
      'dl',
      { class: 'facts' },
      txt('dt', ui.closedAt),
      h('dd', {}, dateTimeText(closure.closedAt)),
      txt('dt', ui.reason),
      h('dd', { id: 'closure-reason' }, closure.reason),
      closure.yourNote ? txt('dt', ui.yourNote) : null,
      closure.yourNote ? h('dd', {}, closure.yourNote) : null,
    ),
    txt('p', ui.help, { class: 'hint' }),
  );
}

export function closingSection(closing: ClosingView): HTMLElement {
  return h(
    'section',
    { class: 'closure', id: 'closing', 'aria-labelledby': 'closing-heading' },
    txt('h3', ui.closingHeading, { id: 'closing-heading' }),
    h('p', { role: 'status' }, closing.status),
    h('dl', { class: 'facts' }, txt('dt', ui.requestedAt), h('dd', {}, dateTimeText(closing.requestedAt)), txt('dt', ui.reason), h('dd', {}, closing.reason)),
  );
}
