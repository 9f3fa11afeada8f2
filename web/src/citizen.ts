/**
 * The citizen portal: choose a programme, fill in its form (rendered from the definition, checked
 * with the server's zod schema), optionally pre-screen eligibility, and submit once — a retry or a
 * double click reuses the form session's Idempotency-Key, so it cannot create a second application.
 */
import type * as z from 'zod';
import { getProgramme, isProgrammeId, prescreenAnswersSchema, programmes, type AnyProgramme } from '../../forms';
import type { Text } from '../../forms/i18n';
import { callApi, type ApiResult } from './lib/api';
import { byId, focusView, h, show, txt } from './lib/dom';
import { eligibilityView, type EligibilityExplanation } from './lib/eligibility-view';
import { setUpLanguage } from './lib/i18n';
import { documentList, planText } from './lib/programme-info';
import { ProgrammeForm, toFormErrors } from './lib/programme-form';

const ui = {
  title: { ko: '돌봄 — 서울시 사회서비스 신청', en: 'Dolbom — apply for Seoul social services' },
  choose: { ko: '신청할 사업을 고르세요', en: 'Choose a programme' },
  apply: (name: Text): Text => ({ ko: `${name.ko} 신청서 작성`, en: `Apply: ${name.en}` }),
  back: { ko: '← 다른 사업 고르기', en: '← Choose another programme' },
  documents: { ko: '준비할 서류', en: 'Documents to prepare' },
  documentsLater: {
    ko: '서류는 신청 후 담당자가 안내하는 방법으로 제출합니다.',
    en: 'After you apply, a case manager tells you how to hand in the documents.',
  },
  rrnNotice: { ko: '주민등록번호 수집 근거', en: 'Why we ask for the resident registration number' },
  sensitiveNotice: {
    ko: "'건강정보' 표시가 있는 항목은 민감정보로, 별도의 민감정보 처리 동의가 필요합니다.",
    en: "Items marked 'health information' are sensitive and need the separate consent below.",
  },
  check: { ko: '자격 미리 확인', en: 'Check eligibility first' },
  submit: { ko: '신청서 제출', en: 'Submit application' },
  checking: { ko: '자격을 확인하는 중입니다…', en: 'Checking eligibility…' },
  sending: { ko: '신청서를 보내는 중입니다…', en: 'Sending your application…' },
  prescreenTitle: { ko: '자격 미리 확인 결과', en: 'Eligibility pre-check' },
  prescreenNote: {
    ko: '입력한 내용으로 미리 판단한 결과이며 저장되지 않습니다. 최종 결정은 담당자가 증빙을 확인한 뒤 내립니다.',
    en: 'A preliminary result from your answers; nothing is stored. A case manager decides after checking the evidence.',
  },
  retrySafe: {
    ko: '다시 제출해도 신청이 두 번 접수되지 않습니다.',
    en: 'You can submit again: the application will not be received twice.',
  },
  received: { ko: '신청이 접수되었습니다', en: 'Your application has been received' },
  receiptNumber: { ko: '접수번호', en: 'Receipt number' },
  accessCode: { ko: '접근 코드', en: 'Access code' },
  noteThem: { ko: '지금 꼭 적어 두세요.', en: 'Write these down now.' },
  noteWhy: {
    ko: '진행 상황을 조회하려면 접수번호와 접근 코드가 모두 필요합니다. 접근 코드는 다시 보여 드릴 수 없고 찾을 수도 없습니다.',
    en: 'You need both the receipt number and the access code to check your application. The access code cannot be shown again or recovered.',
  },
  statusLink: { ko: '진행 상황 조회', en: 'Check the status' },
} as const;

interface Receipt {
  applicationId: string;
  receiptNumber: string;
  accessCode: string;
}

const app = byId('app');
setUpLanguage(ui.title);
/** The address the view was rendered for: following '#main' or another in-page link keeps the view. */
let rendered = '';
window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== rendered) route();
});
route();

function route(): void {
  rendered = location.pathname + location.search;
  const id = new URLSearchParams(location.search).get('programme');
  if (id && isProgrammeId(id)) showForm(getProgramme(id));
  else showChooser();
}

function go(programme: string | null): void {
  history.pushState(null, '', programme ? `?programme=${encodeURIComponent(programme)}` : location.pathname);
  route();
}

/** A link that is a real link (new tab, copy) but changes the view in place. */
function viewLink(programme: string | null, label: Text, attributes: Record<string, string> = {}): HTMLAnchorElement {
  const link = h('a', { href: programme ? `?programme=${programme}` : '?', ...attributes }, label);
  link.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(programme);
  });
  return link;
}

function showChooser(): void {
  const heading = txt('h2', ui.choose);
  show(
    app,
    h(
      'section',
      { class: 'chooser' },
      heading,
      h(
        'ul',
        { class: 'programmes' },
        ...programmes.map((p) =>
          h(
            'li',
            { class: 'programme card', 'data-programme': p.id },
            txt('h3', p.name),
            txt('p', p.summary),
            txt('p', planText(p), { class: 'plan' }),
            viewLink(p.id, ui.apply(p.name), { class: 'button' }),
          ),
        ),
      ),
    ),
  );
}

/** Sixteen random bytes in hex: unguessable, and `crypto.getRandomValues` works on plain http too. */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function showForm(programme: AnyProgramme): void {
  const form = new ProgrammeForm(programme);
  /** One form session: one key for every attempt to submit it. */
  const session = { idempotencyKey: newIdempotencyKey(), busy: false, attempted: false };

  const checkButton = h('button', { type: 'button', class: 'secondary', id: 'check-eligibility' }, ui.check);
  const submitButton = h('button', { type: 'submit', id: 'submit-application' }, ui.submit);
  const status = h('div', { id: 'submit-status', role: 'status', class: 'status' });
  const prescreen = h('div', { id: 'eligibility-result', 'aria-live': 'polite' });
  form.element.append(h('div', { class: 'actions' }, checkButton, submitButton), status);

  const heading = txt('h2', programme.name);
  show(
    app,
    h(
      'section',
      { class: 'apply' },
      h('p', {}, viewLink(null, ui.back)),
      heading,
      txt('p', programme.summary),
      txt('p', planText(programme), { class: 'plan' }),
      h('details', { class: 'documents-box' }, h('summary', {}, ui.documents), documentList(programme), txt('p', ui.documentsLater)),
      programme.collectsRrn && programme.rrnLegalBasis
        ? h('p', { class: 'notice' }, h('strong', {}, ui.rrnNotice), ': ', programme.rrnLegalBasis)
        : null,
      txt('p', ui.sensitiveNotice, { class: 'notice' }),
      form.summary,
      form.element,
      prescreen,
    ),
  );
  focusView(heading);

  const setBusy = (busy: boolean, message?: Text) => {
    session.busy = busy;
    for (const button of [checkButton, submitButton]) button.setAttribute('aria-disabled', String(busy));
    form.element.setAttribute('aria-busy', String(busy));
    show(status, message ?? null);
  };

  /** Client-side check with the server's schema; nothing is sent while it fails. */
  const validated = (schema?: z.ZodType) => {
    const result = form.validate(schema);
    if (result.ok) {
      form.clearErrors();
      return result;
    }
    session.attempted = true;
    form.showErrors(result.errors, { focusSummary: true });
    return undefined;
  };

  const showProblem = (result: Extract<ApiResult<unknown>, { ok: false }>, retryable: boolean) => {
    if (result.status === 400 && result.problem.fields.length) {
      session.attempted = true;
      form.showServerErrors(toFormErrors(result.problem.fields), result.problem.message);
      return;
    }
    show(status, h('p', { class: 'error', role: 'alert' }, result.problem.message, retryable ? h('br') : null, retryable ? ui.retrySafe : null));
  };

  // Once the person has tried, the messages follow their corrections.
  form.element.addEventListener('input', (event) => session.attempted && form.recheck(true, event.target));
  form.element.addEventListener('change', (event) => session.attempted && form.recheck(false, event.target));

  checkButton.addEventListener('click', async () => {
    if (session.busy) return;
    // A pre-check sends only what the rules read (the schema's output): no name, contacts, address,
    // guardian, consents or registration number, however much of the form is filled in.
    const checked = validated(prescreenAnswersSchema);
    if (!checked) return;
    setBusy(true, ui.checking);
    const result = await callApi<EligibilityExplanation>('POST', '/api/eligibility/check', { body: checked.parsed });
    setBusy(false);
    if (!result.ok) return showProblem(result, false);
    show(prescreen, h('section', { class: 'prescreen card' }, txt('h3', ui.prescreenTitle), txt('p', ui.prescreenNote, { class: 'hint' }), eligibilityView(result.body, 'h4')));
  });

  form.element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (session.busy) return;
    const checked = validated();
    if (!checked) return;
    setBusy(true, ui.sending);
    const result = await callApi<Receipt>('POST', '/api/applications', {
      body: checked.body,
      headers: { 'Idempotency-Key': session.idempotencyKey },
    });
    setBusy(false);
    if (result.ok) return showReceipt(programme, result.body);
    // No answer or a server error: the application may have arrived, so a retry must reuse the key.
    showProblem(result, result.status === 0 || result.status >= 500);
  });
}

function showReceipt(programme: AnyProgramme, receipt: Receipt): void {
  const heading = txt('h2', ui.received);
  show(
    app,
    h(
      'section',
      { class: 'receipt card', 'aria-labelledby': 'receipt-title' },
      heading,
      txt('p', programme.name),
      h(
        'dl',
        { class: 'codes' },
        txt('dt', ui.receiptNumber),
        h('dd', { id: 'receipt-number', class: 'code' }, receipt.receiptNumber),
        txt('dt', ui.accessCode),
        h('dd', { id: 'access-code', class: 'code' }, receipt.accessCode),
      ),
      h('div', { class: 'warning', role: 'note', id: 'note-codes' }, h('strong', {}, ui.noteThem), ' ', ui.noteWhy),
      txt('h3', ui.documents),
      documentList(programme),
      txt('p', ui.documentsLater),
      h('p', {}, h('a', { href: `status.html?receipt=${encodeURIComponent(receipt.receiptNumber)}`, class: 'button' }, ui.statusLink)),
    ),
  );
  heading.id = 'receipt-title';
  focusView(heading);
}
