/**
 * On a review's 반려: the reason from the list, and words *to the applicant* — kept apart from the
 * decision's note, which stays internal. The server requires the reason, and the words for 기타.
 */
import { rejectionReasonCodes, rejectionReasonLabels, type RejectionReasonCode } from '../../../functions/review/rejection-reasons';
import { h } from '../lib/dom';
import { bi } from '../lib/i18n';

const texts = {
  legend: { ko: '반려 사유 (신청인에게 안내됩니다)', en: 'Reason for rejecting (the applicant is told)' },
  reason: { ko: '사유', en: 'Reason' },
  choose: { ko: '사유를 고르세요', en: 'Choose a reason' },
  toCitizen: { ko: '신청인에게 전할 말 (기타는 필수, 신청 조회 화면과 알림에 그대로 보입니다)', en: 'Words to the applicant (required for other; shown as written on their status page and in the notice)' },
  internal: { ko: '아래 메모는 직원만 봅니다.', en: 'The note below is for staff only.' },
  prefilled: { ko: '감독자가 지원 대상 아님으로 변경하며 고른 사유입니다.', en: 'The reason a supervisor chose when changing the outcome to not eligible.' },
};

export function rejectionFields(taskId: string, prefill?: RejectionReasonCode): { element: HTMLElement; value: () => { reason: string; toCitizen?: string } | undefined } {
  const reasonId = `rejection-reason-${taskId}`;
  const wordsId = `rejection-to-citizen-${taskId}`;
  const reason = h('select', { id: reasonId, name: 'rejectionReason' }, bi(h('option', { value: '' }), texts.choose));
  for (const code of rejectionReasonCodes) reason.append(bi(h('option', { value: code }), rejectionReasonLabels[code]));
  if (prefill) reason.value = prefill;
  const words = h('textarea', { id: wordsId, name: 'toCitizen', rows: 2, maxlength: 2000 });
  const element = h(
    'fieldset',
    { class: 'rejection' },
    h('legend', {}, texts.legend),
    h('div', { class: 'field' }, h('label', { for: reasonId }, texts.reason), reason, prefill ? h('p', { class: 'hint' }, texts.prefilled) : null),
    h('div', { class: 'field' }, h('label', { for: wordsId }, texts.toCitizen), words),
    h('p', { class: 'hint' }, texts.internal),
  );
  return {
    element,
    value: () => (reason.value ? { reason: reason.value, ...(words.value.trim() ? { toCitizen: words.value.trim() } : {}) } : undefined),
  };
}
