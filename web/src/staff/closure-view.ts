/**
 * The end of a case as its case manager reads it: the closure record (how and why, the closing
 * session or why it is missing, pre vs post, the retention date), a closing request being handled,
 * or — while the case runs — the early closure with a reason and a note.
 */
import type { Text } from '../../../forms/i18n';
import { closableEarly, earlyReasonLabels, staffClosingReasons } from '../../../functions/closure/closing-labels';
import type { ClosureRecord } from '../../../functions/closure/closure-record';
import { focusView, h, show, txt } from '../lib/dom';
import { bi, dateText, dateTimeText } from '../lib/i18n';
import { problemWithFields } from './page';
import { staffApi } from './session';
import { ui } from './texts';
import type { CaseFile } from './types';

const texts = {
  heading: { ko: '종결', en: 'Closure' },
  kind: { ko: '종결 구분', en: 'How it closed' },
  completed: { ko: '정상 종결', en: 'Completed' },
  early: { ko: '조기 종결', en: 'Closed early' },
  reason: { ko: '사유', en: 'Reason' },
  closingSession: { ko: '종결 회기·사후 검사', en: 'Closing session and post-test' },
  sessionsHeld: { ko: '진행한 회기', en: 'Sessions held' },
  bothRecorded: { ko: '모두 기록됨', en: 'Both recorded' },
  outcome: { ko: '사전·사후 비교', en: 'Pre vs post' },
  noComparison: { ko: '사전·사후 검사가 모두 있어야 비교할 수 있습니다.', en: 'A comparison needs both the pre-test and the post-test.' },
  retainUntil: { ko: '기록 보존 기한(종결 후 5년)', en: 'Records kept until (5 years from closure)' },
  highRisk: { ko: '고위험 이력: 연계 의뢰 업무가 열렸습니다', en: 'High risk in the case: a referral task was opened' },
  pending: { ko: '종결 요청이 접수되어 처리 중입니다', en: 'A closing request is being handled' },
  formHeading: { ko: '조기 종결', en: 'Close early' },
  formHint: { ko: '종결하면 제공기관 자리를 반납하고, 열린 업무·제안은 취소됩니다.', en: "Closing gives the provider's place back and cancels open tasks and offers." },
  formReason: { ko: '종결 사유', en: 'Closing reason' },
  formNote: { ko: '무슨 일이 있었는지 (필수)', en: 'What happened (required)' },
  confirm: { ko: '조기 종결 요청', en: 'Ask to close early' },
  sent: { ko: '종결을 요청했습니다. 처리에 몇 초가 걸릴 수 있습니다.', en: 'Closure requested. Processing may take a few seconds.' },
};

/** The reason a staff member chose, as the form offers it: the label without the citizen-facing framing. */
const staffReasonChoices: Record<(typeof staffClosingReasons)[number], Text> = {
  'drop-out': { ko: '이용 중단(연락 두절·불참)', en: 'Dropped out (no contact, no attendance)' },
  'eligibility-lost': { ko: '자격 상실', en: 'No longer eligible' },
  'other-programme': { ko: '다른 상담 사업 이용', en: 'Receives another counselling programme' },
  other: { ko: '기타', en: 'Other' },
};

export function closureView(file: CaseFile, reload: () => void): HTMLElement | null {
  if (file.closure) return recordView(file.closure);
  if (file.closingRequest) {
    return h(
      'section',
      { class: 'closure card', id: 'closure' },
      txt('h2', texts.heading),
      h('p', { role: 'status' }, texts.pending, ': ', earlyReasonLabels[file.closingRequest.reason], ' · ', dateTimeText(file.closingRequest.at)),
    );
  }
  return closableEarly.includes(file.status as (typeof closableEarly)[number]) ? earlyClosureForm(file.id, reload) : null;
}

function recordView(record: ClosureRecord): HTMLElement {
  const missing = record.closingSession.missing;
  const change = record.outcome.change;
  return h(
    'section',
    { class: 'closure card', id: 'closure' },
    txt('h2', texts.heading),
    h(
      'dl',
      { class: 'facts' },
      txt('dt', texts.kind),
      h('dd', {}, record.kind === 'early' ? texts.early : texts.completed, ' · ', dateTimeText(record.closedAt)),
      txt('dt', texts.reason),
      h('dd', { id: 'closure-reason' }, record.reason.label, record.reason.note ? ` — ${record.reason.note}` : ''),
      ...(record.sessionsHeld === undefined
        ? []
        : [txt('dt', texts.sessionsHeld), h('dd', { id: 'closure-sessions' }, { ko: `${record.sessionsHeld}회`, en: String(record.sessionsHeld) })]),
      txt('dt', texts.closingSession),
      h('dd', {}, missing ? missing.label : texts.bothRecorded, missing?.note ? ` — ${missing.note}` : ''),
      txt('dt', texts.outcome),
      change ? h('dd', { id: 'closure-outcome' }, change.phq9.summary, h('br'), change.gad7.summary) : h('dd', {}, texts.noComparison),
      txt('dt', texts.retainUntil),
      h('dd', {}, dateText(record.retainUntil)),
    ),
    record.highRisk ? h('p', { class: 'risk', role: 'note' }, texts.highRisk) : null,
  );
}

function earlyClosureForm(applicationId: string, reload: () => void): HTMLElement {
  const select = h('select', { id: 'closure-reason-choice' });
  for (const reason of staffClosingReasons) select.append(bi(h('option', { value: reason }), staffReasonChoices[reason]));
  const note = h('textarea', { id: 'closure-note', rows: 2, maxlength: 2000 });
  const status = h('div', { role: 'status', class: 'status' });
  const save = h('button', { type: 'submit', id: 'closure-request' }, texts.confirm);
  const form = h(
    'form',
    { class: 'closure card', id: 'closure', novalidate: true },
    txt('h2', texts.formHeading),
    txt('p', texts.formHint, { class: 'hint' }),
    h('div', { class: 'field' }, h('label', { for: 'closure-reason-choice' }, texts.formReason), select),
    h('div', { class: 'field' }, h('label', { for: 'closure-note' }, texts.formNote), note),
    h('div', { class: 'actions' }, save),
    status,
  );
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    save.setAttribute('aria-disabled', 'true');
    const result = await staffApi<unknown>('POST', `/api/staff/applications/${encodeURIComponent(applicationId)}/closure`, { reason: select.value, note: note.value.trim() });
    busy = false;
    save.setAttribute('aria-disabled', 'false');
    if (!result) return;
    if (!result.ok) return show(status, problemWithFields(result));
    const refresh = h('button', { type: 'button', class: 'secondary' }, ui.refresh);
    refresh.addEventListener('click', reload);
    const done = h('div', { class: 'decided' }, h('p', { class: 'success' }, texts.sent), refresh);
    form.replaceWith(done);
    focusView(done);
  });
  return form;
}
