/**
 * The status page: receipt number + access code → where the application stands, what happened so
 * far, and why it was (or was not) found eligible. The access code is never put in the address.
 */
import type { Text } from '../../forms/i18n';
import { callApi } from './lib/api';
import { byId, focusView, h, show, txt } from './lib/dom';
import { eligibilityView, type EligibilityExplanation } from './lib/eligibility-view';
import { serviceSection, type CitizenService } from './status/service-section';
import { closingSection, closureSection, type ClosingView, type ClosureView } from './status/closure-section';
import { withdrawalSection } from './status/withdrawal';
import { supplementSection, type CitizenSupplement } from './status/supplement-section';
import { rejectionSection, type RejectionView } from './status/rejection-section';
import { timelineSection, whatNextSection, type TimelineEntry, type WhatNextView } from './status/progress-section';
import { receiptKeeper } from './status/receipt-keeper';
import { dateText, dateTimeText, setUpLanguage } from './lib/i18n';

const ui = {
  title: { ko: '돌봄 — 신청 진행 조회', en: 'Dolbom — check your application' },
  intro: {
    ko: '신청할 때 받은 접수번호와 접근 코드를 입력하세요.',
    en: 'Enter the receipt number and access code you received when you applied.',
  },
  receiptNumber: { ko: '접수번호', en: 'Receipt number' },
  receiptHelp: { ko: '예: DB-2026-AB12CD34', en: 'e.g. DB-2026-AB12CD34' },
  accessCode: { ko: '접근 코드', en: 'Access code' },
  lookUp: { ko: '조회', en: 'Look up' },
  refresh: { ko: '새로 고침', en: 'Refresh' },
  looking: { ko: '조회하는 중입니다…', en: 'Looking it up…' },
  required: (label: Text): Text => ({ ko: `${label.ko}를 입력해 주세요`, en: `Enter the ${label.en.toLowerCase()}` }),
  programme: { ko: '사업', en: 'Programme' },
  district: { ko: '담당 자치구', en: 'District' },
  submittedAt: { ko: '접수일시', en: 'Submitted' },
  updatedAt: { ko: '최근 변경', en: 'Last change' },
  servicePeriod: { ko: '서비스 기간', en: 'Service period' },
  eligibility: { ko: '자격 판단', en: 'Eligibility' },
  notYetChecked: { ko: '아직 자격을 확인하는 중입니다.', en: 'Eligibility is still being checked.' },
  periodN: (n: number): Text => ({ ko: `${n}기`, en: `period ${n}` }),
} as const;

interface ApplicationView {
  applicationId: string;
  receiptNumber: string;
  programme: string;
  /** The programme's and the district's names, sent by the server so the page loads no programme definitions. */
  programmeName: Text;
  district: string;
  districtName: Text;
  status: string;
  statusLabel: Text;
  period: number;
  servicePeriod?: { period: number; startsAt: string; endsAt: string };
  submittedAt: string;
  updatedAt: string;
  /** The steps so far, each in plain words (functions/status/citizen-timeline.ts). */
  timeline: TimelineEntry[];
  next?: WhatNextView;
  eligibility?: EligibilityExplanation;
  /** While the agency serves the person. */
  service?: CitizenService;
  /** A withdrawal or early closure being handled. */
  closing?: ClosingView;
  /** The case closed, and why in plain words. */
  closure?: ClosureView;
  /** While a supplement request waits for the applicant's answer. */
  supplement?: CitizenSupplement;
  /** Rejected: why, and how to appeal. */
  rejection?: RejectionView;
}

/** A case that is over, or ending, offers no withdrawal. */
const ended = ['closed', 'rejected', 'failed'];

const app = byId('app');
setUpLanguage(ui.title);

const receiptInput = h('input', {
  id: 'receipt-number',
  name: 'receiptNumber',
  type: 'text',
  autocomplete: 'off',
  autocapitalize: 'characters',
  spellcheck: 'false',
  'aria-describedby': 'receipt-number-help',
  'aria-required': 'true',
  value: new URLSearchParams(location.search).get('receipt') ?? '',
});
const codeInput = h('input', { id: 'access-code', name: 'accessCode', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-required': 'true' });
const errors = {
  receiptNumber: h('p', { class: 'error', id: 'receipt-number-error', hidden: true }),
  accessCode: h('p', { class: 'error', id: 'access-code-error', hidden: true }),
};
const inputs = { receiptNumber: receiptInput, accessCode: codeInput };
const lookupButton = h('button', { type: 'submit', id: 'look-up' }, ui.lookUp);
const status = h('div', { role: 'status', id: 'lookup-status', class: 'status' });
const result = h('div', { id: 'result' });
const form = h(
  'form',
  { id: 'lookup-form', novalidate: true, class: 'card' },
  txt('p', ui.intro),
  h('div', { class: 'field' }, h('label', { for: 'receipt-number' }, ui.receiptNumber), txt('p', ui.receiptHelp, { class: 'help', id: 'receipt-number-help' }), receiptInput, errors.receiptNumber),
  h('div', { class: 'field' }, h('label', { for: 'access-code' }, ui.accessCode), codeInput, errors.accessCode),
  h('div', { class: 'actions' }, lookupButton),
  status,
);
show(app, form, result);

type FieldName = keyof typeof inputs;

function showFieldErrors(fieldErrors: { field: string; message: Text }[]): void {
  for (const name of Object.keys(inputs) as FieldName[]) {
    const messages = fieldErrors.filter((e) => e.field === name);
    errors[name].replaceChildren(...messages.map((m) => txt('span', m.message)));
    errors[name].hidden = messages.length === 0;
    if (messages.length) {
      inputs[name].setAttribute('aria-invalid', 'true');
      inputs[name].setAttribute('aria-describedby', [name === 'receiptNumber' ? 'receipt-number-help' : '', errors[name].id].filter(Boolean).join(' '));
    } else {
      inputs[name].removeAttribute('aria-invalid');
      if (name === 'receiptNumber') inputs[name].setAttribute('aria-describedby', 'receipt-number-help');
      else inputs[name].removeAttribute('aria-describedby');
    }
  }
  const first = (Object.keys(inputs) as FieldName[]).find((name) => fieldErrors.some((e) => e.field === name));
  if (first) inputs[first].focus();
}

let busy = false;

async function lookUp(): Promise<void> {
  if (busy) return;
  const body = { receiptNumber: receiptInput.value.trim(), accessCode: codeInput.value.trim() };
  const missing = (Object.keys(body) as FieldName[])
    .filter((name) => body[name] === '')
    .map((name) => ({ field: name, message: ui.required(name === 'receiptNumber' ? ui.receiptNumber : ui.accessCode) }));
  showFieldErrors(missing);
  if (missing.length) return;
  busy = true;
  lookupButton.setAttribute('aria-disabled', 'true');
  show(status, ui.looking);
  const answer = await callApi<ApplicationView>('POST', '/api/applications/lookup', { body });
  busy = false;
  lookupButton.setAttribute('aria-disabled', 'false');
  show(status);
  if (!answer.ok) {
    if (answer.status === 400 && answer.problem.fields.length) showFieldErrors(answer.problem.fields);
    else show(status, h('p', { class: 'error', role: 'alert' }, answer.problem.message));
    show(result);
    return;
  }
  renderApplication(answer.body, body.accessCode);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void lookUp();
});

function renderApplication(view: ApplicationView, accessCode: string): void {
  const heading = h('h2', { id: 'status-label' }, view.statusLabel);
  const refresh = h('button', { type: 'button', class: 'secondary' }, ui.refresh);
  refresh.addEventListener('click', () => void lookUp());
  const period = view.servicePeriod;
  show(
    result,
    h(
      'section',
      { class: 'application card', 'aria-labelledby': 'status-label', 'data-status': view.status },
      heading,
      h(
        'dl',
        { class: 'facts' },
        txt('dt', ui.receiptNumber),
        h('dd', { class: 'code' }, view.receiptNumber),
        txt('dt', ui.programme),
        h('dd', {}, view.programmeName),
        txt('dt', ui.district),
        h('dd', {}, view.districtName),
        txt('dt', ui.submittedAt),
        h('dd', {}, dateTimeText(view.submittedAt)),
        txt('dt', ui.updatedAt),
        h('dd', {}, dateTimeText(view.updatedAt)),
        period ? txt('dt', ui.servicePeriod) : null,
        period ? h('dd', {}, ui.periodN(period.period), ': ', dateText(period.startsAt), ' – ', dateText(period.endsAt)) : null,
      ),
      view.next ? whatNextSection(view.next) : null,
      view.supplement ? supplementSection(view.supplement, view.applicationId, codeInput.value.trim()) : null,
      view.service ? serviceSection(view.service) : null,
      view.rejection ? rejectionSection(view.rejection) : null,
      view.closure ? closureSection(view.closure) : null,
      view.closing ? closingSection(view.closing) : null,
      refresh,
      !ended.includes(view.status) && !view.closing ? withdrawalSection(view.applicationId, accessCode, () => void lookUp()) : null,
      timelineSection(view.timeline),
      txt('h3', ui.eligibility),
      // The rule version is a code for staff: never shown here, even if an older server sends it.
      view.eligibility ? eligibilityView({ ...view.eligibility, ruleVersion: undefined }, 'h4') : txt('p', ui.notYetChecked),
      receiptKeeper(view.receiptNumber, accessCode),
    ),
  );
  focusView(heading);
}
