/**
 * On the case file: why the application was rejected, a supervisor's eligibility override if one
 * stands, and — for a supervisor, while it can still change anything — the form to override the
 * rules' outcome with a reason (POST …/eligibility-override; the server decides what it may do).
 */
import type { Text } from '../../../forms/i18n';
import { isRejectionReasonCode, rejectionReasonCodes, rejectionReasonLabels } from '../../../functions/review/rejection-reasons';
import { h, show, txt } from '../lib/dom';
import { bi, dateTimeText } from '../lib/i18n';
import { problemWithFields } from './page';
import { session, staffApi } from './session';
import type { CaseFile } from './types';

const texts = {
  heading: { ko: '자격 판정과 반려 사유', en: 'Eligibility outcome and rejection' },
  rejected: { ko: '반려', en: 'Rejected' },
  byRules: { ko: '자격 기준(자동 판정)', en: 'by the eligibility rules' },
  byReview: { ko: '담당자 검토', en: 'on review by a case manager' },
  toCitizen: { ko: '신청인에게 전한 말', en: 'Words to the applicant' },
  overridden: { ko: '감독자 자격 판정 변경', en: 'Supervisor override of eligibility' },
  eligible: { ko: '지원 대상', en: 'Eligible' },
  ineligible: { ko: '지원 대상 아님', en: 'Not eligible' },
  why: { ko: '사유(직원만 봄)', en: 'Reason (staff only)' },
  formLegend: { ko: '자격 판정 변경 (감독자)', en: 'Override the eligibility outcome (supervisor)' },
  rejectionReason: { ko: '반려 사유 (담당자 결정에 미리 채워짐)', en: "Rejection reason (pre-fills the case manager's decision)" },
  choose: { ko: '사유를 고르세요', en: 'Choose a reason' },
  save: { ko: '판정 변경 저장', en: 'Save the override' },
  saved: { ko: '저장했습니다. 새로 고쳐 확인하세요.', en: 'Saved. Refresh to see it.' },
} satisfies Record<string, Text>;

/** Statuses where an override still changes something (the server has the last word). */
const overridable = ['screened', 'awaiting-review', 'rejected'];

export function eligibilityOverrideView(file: CaseFile, reload: () => void): HTMLElement | null {
  const supervisor = (session.claims()?.['cognito:groups'] as unknown[] | undefined)?.includes('supervisor') ?? false;
  const override = file.eligibilityOverride;
  const rejection = file.status === 'rejected' ? file.rejection : undefined;
  const form = supervisor && overridable.includes(file.status) && file.eligibility ? overrideForm(file.id, reload) : null;
  if (!override && !rejection && !form) return null;
  return h(
    'section',
    { class: 'eligibility-override card', id: 'eligibility-override' },
    txt('h2', texts.heading),
    rejection
      ? h(
          'p',
          { id: 'rejection-reason' },
          h('strong', {}, texts.rejected),
          ' (',
          rejection.basis === 'review' ? texts.byReview : texts.byRules,
          ') · ',
          dateTimeText(rejection.at),
          ': ',
          ...rejection.reasons.map((r) => h('span', {}, r, ' ')),
        )
      : null,
    rejection?.toCitizen ? h('p', {}, h('strong', {}, texts.toCitizen, ': '), rejection.toCitizen) : null,
    override
      ? h(
          'p',
          { id: 'override-standing' },
          h('strong', {}, texts.overridden, ': '),
          override.outcome === 'eligible' ? texts.eligible : texts.ineligible,
          override.rejectionReason && isRejectionReasonCode(override.rejectionReason) ? h('span', {}, ' · ', rejectionReasonLabels[override.rejectionReason]) : null,
          ' · ',
          override.by.userId,
          ' · ',
          dateTimeText(override.at),
          h('br'),
          texts.why,
          ': ',
          override.note,
        )
      : null,
    form,
  );
}

function overrideForm(applicationId: string, reload: () => void): HTMLElement {
  const outcome = h('select', { id: 'override-outcome' }, bi(h('option', { value: 'eligible' }), texts.eligible), bi(h('option', { value: 'ineligible' }), texts.ineligible));
  const reason = h('select', { id: 'override-rejection-reason' }, bi(h('option', { value: '' }), texts.choose));
  for (const code of rejectionReasonCodes) reason.append(bi(h('option', { value: code }), rejectionReasonLabels[code]));
  const reasonField = h('div', { class: 'field' }, h('label', { for: 'override-rejection-reason' }, texts.rejectionReason), reason);
  const note = h('textarea', { id: 'override-note', rows: 2, maxlength: 2000 });
  const status = h('div', { role: 'status', class: 'status' });
  const form = h(
    'form',
    { class: 'override', novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, texts.formLegend),
      h('div', { class: 'field' }, h('label', { for: 'override-outcome' }, texts.formLegend), outcome),
      reasonField,
      h('div', { class: 'field' }, h('label', { for: 'override-note' }, texts.why), note),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, texts.save)),
    status,
  );
  const sync = () => (reasonField.hidden = outcome.value !== 'ineligible');
  outcome.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { outcome: outcome.value, note: note.value.trim(), ...(outcome.value === 'ineligible' && reason.value ? { rejectionReason: reason.value } : {}) };
    const result = await staffApi('POST', `/api/staff/applications/${encodeURIComponent(applicationId)}/eligibility-override`, body);
    if (!result) return;
    if (!result.ok) return show(status, problemWithFields(result));
    const refresh = h('button', { type: 'button', class: 'secondary' }, bi(h('span'), { ko: '새로 고침', en: 'Refresh' }));
    refresh.addEventListener('click', reload);
    show(status, txt('p', texts.saved, { class: 'success' }), refresh);
  });
  return form;
}
