/**
 * The citizen's application for one programme, in steps: one section of the form per page with its
 * progress ("3/6 단계: 가구 정보") and its own error summary, the pre-check right after the questions
 * it reads, a check-your-answers page with a "변경" link per step, then the consents and one
 * submission — a retry or a double click reuses the form session's Idempotency-Key, so it cannot
 * create a second application. The step is in the address (`&step=household`), never an answer, so
 * the browser's Back and Forward move between steps. Answers are kept as a draft in this browser
 * (see draft.ts) and resumed after a reload; answers handed over by another page fill it first.
 */
import type { AnyProgramme } from '../../../forms';
import type { Text } from '../../../forms/i18n';
import { schemaPaths } from '../../../forms/schema-paths';
import { submissionFor } from '../../../forms/submission';
import { callApi, type ApiResult } from '../lib/api';
import { focusView, h, show, txt } from '../lib/dom';
import { eligibilityView, type EligibilityExplanation } from '../lib/eligibility-view';
import { bi, dateTimeText } from '../lib/i18n';
import { documentList, planText } from '../lib/programme-info';
import { ProgrammeForm, toFormErrors, type FormError } from '../lib/programme-form';
import { answersReview } from './answers-review';
import { browserStorage, clearDraft, loadDraft, saveDraft, type Draft } from './draft';
import { takeHandoff } from './handoff';
import { reuseGuardianAnswers } from './guardian-reuse';
import { showReceipt, type Receipt } from './receipt';
import { formSteps, precheckStepId, progressText, REVIEW, stepIndex } from './steps';

const ui = {
  documents: { ko: '준비할 서류', en: 'Documents to prepare' },
  documentsLater: {
    ko: '서류는 신청 후 담당자가 안내하는 방법으로 제출합니다.',
    en: 'After you apply, a case manager tells you how to hand in the documents.',
  },
  rrnNotice: { ko: '주민등록번호 수집 근거', en: 'Why we ask for the resident registration number' },
  sensitiveNotice: {
    ko: "'건강정보' 표시가 있는 항목은 민감정보로, 마지막 단계에서 별도의 민감정보 처리 동의가 필요합니다.",
    en: "Items marked 'health information' are sensitive and need the separate consent at the last step.",
  },
  next: { ko: '다음', en: 'Continue' },
  back: { ko: '이전', en: 'Back' },
  backToReview: { ko: '확인 페이지로 돌아가기', en: 'Back to your answers' },
  submit: { ko: '동의하고 신청서 제출', en: 'Agree and send the application' },
  check: { ko: '자격 미리 확인', en: 'Check eligibility first' },
  checkIntro: {
    ko: '지금까지 입력한 내용으로 신청 자격을 미리 확인할 수 있습니다. 선택 사항이며, 확인하지 않아도 신청할 수 있습니다.',
    en: 'You can check your eligibility with the answers so far. This is optional: you can apply without it.',
  },
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
  draftKept: {
    ko: '입력한 내용은 이 기기에 임시 저장됩니다. 주민등록번호, 건강정보와 동의는 저장하지 않습니다.',
    en: 'Your answers are saved on this device as you go, except the registration number, health information and consents.',
  },
  savedAt: (when: Text): Text => ({ ko: `마지막 저장: ${when.ko}`, en: `Last saved: ${when.en}` }),
  resumed: (when: Text): Text => ({
    ko: `${when.ko}에 저장해 둔 작성 내용을 이어서 씁니다. 주민등록번호와 건강정보는 저장하지 않았으니 해당 단계에서 다시 입력해 주세요.`,
    en: `You are continuing the answers saved on ${when.en}. The registration number and health information were not saved: enter them again at their step.`,
  }),
  startAgain: { ko: '새로 시작', en: 'Start again' },
  startAgainConfirm: {
    ko: '이 기기에 저장된 작성 내용을 지우고 처음부터 다시 시작할까요?',
    en: 'Delete the answers saved on this device and start again?',
  },
} as const;

/** Where the person is: a step, and whether it was opened from the check-your-answers page. */
export interface Place {
  step: string | null;
  then: string | null;
}

export interface ApplicationView {
  programme: string;
  /** Set once the application is in: going back to a step then starts a new form. */
  finished: boolean;
  show(place: Place): void;
}

export interface Navigation {
  /** Changes the address (a new history entry, or the current one) and shows what it names. */
  go(search: string, mode?: 'push' | 'replace'): void;
  /** "← 다른 사업 고르기", a real link handled in place. */
  chooserLink: HTMLElement;
}

/** Sixteen random bytes in hex: unguessable, and `crypto.getRandomValues` works on plain http too. */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function startApplication(app: HTMLElement, programme: AnyProgramme, place: Place, nav: Navigation): ApplicationView {
  const steps = formSteps(programme);
  const form = new ProgrammeForm(programme);
  const storage = browserStorage();
  /** One form session: one key for every attempt to submit it. */
  const session = { idempotencyKey: newIdempotencyKey(), busy: false, attempted: false, edited: false };
  const precheckAt = precheckStepId(steps, schemaPaths(programme.eligibilitySchema));
  let index = 0;
  let returnToReview = false;
  /** Errors last shown, so a link of the summary to another step shows them there too. */
  let shownErrors: FormError[] = [];

  const draft = loadDraft(storage, programme);
  if (draft) form.fill(draft.answers);
  const handedOver = takeHandoff(programme.id);
  if (handedOver) {
    form.fill(handedOver);
    session.edited = true;
  }

  const href = (step: string, then?: string) => `?programme=${encodeURIComponent(programme.id)}&step=${encodeURIComponent(step)}${then ? `&then=${then}` : ''}`;
  const goStep = (step: string, then?: string) => nav.go(href(step, then));

  /* ---------- the page ---------- */

  const title = h('h2', { id: 'step-title', class: 'step-title' });
  const bar = h('span');
  const progress = h('div', { class: 'progress-bar', 'aria-hidden': 'true' }, bar);
  const intro = h(
    'div',
    { class: 'intro' },
    txt('p', programme.summary),
    txt('p', planText(programme), { class: 'plan' }),
    h('details', { class: 'documents-box' }, h('summary', {}, ui.documents), documentList(programme), txt('p', ui.documentsLater)),
  );
  const rrnNotice = programme.collectsRrn && programme.rrnLegalBasis ? h('p', { class: 'notice' }, h('strong', {}, ui.rrnNotice), ': ', programme.rrnLegalBasis) : null;
  const sensitiveNotice = txt('p', ui.sensitiveNotice, { class: 'notice' });
  const startAgain = h('button', { type: 'button', class: 'secondary small', id: 'start-again' }, ui.startAgain);
  const savedAt = h('span', { id: 'draft-saved-at' });
  const draftBar = h('div', { class: 'draft-bar', id: 'draft-bar' }, h('p', { class: 'hint' }, ui.draftKept, ' ', savedAt), startAgain);
  const resumed = draft ? h('div', { class: 'notice', id: 'draft-resumed', role: 'status' }, txt('p', ui.resumed(dateTimeText(draft.savedAt)))) : null;

  const checkButton = h('button', { type: 'button', class: 'secondary', id: 'check-eligibility' }, ui.check);
  const prescreen = h('div', { id: 'eligibility-result', role: 'status' });
  const precheckBox = h('div', { class: 'precheck card', id: 'precheck' }, txt('p', ui.checkIntro), checkButton, prescreen);
  const reviewBox = h('div', { class: 'review' });
  const backButton = h('button', { type: 'button', class: 'secondary', id: 'step-back' }, ui.back);
  const nextButton = h('button', { type: 'submit', id: 'step-next' });
  const submitButton = h('button', { type: 'submit', id: 'submit-application' }, ui.submit);
  const status = h('div', { id: 'submit-status', role: 'status', class: 'status' });

  const consentSection = steps.at(-1)?.sections[0] ? form.sectionElement(steps.at(-1)!.sections[0]!.id) : undefined;
  form.element.insertBefore(reviewBox, consentSection ?? null);
  form.element.append(precheckBox, h('div', { class: 'actions' }, backButton, nextButton, submitButton), status);
  form.element.classList.add('stepped');

  show(
    app,
    h(
      'section',
      { class: 'apply' },
      h('p', {}, nav.chooserLink),
      txt('p', programme.name, { class: 'programme-name' }),
      title,
      progress,
      resumed,
      intro,
      rrnNotice,
      sensitiveNotice,
      form.summary,
      form.element,
      draftBar,
    ),
  );

  /* ---------- drafts ---------- */

  const showSaved = (saved: Draft | undefined) => {
    draftBar.hidden = saved === undefined && draft === undefined;
    if (saved) bi(savedAt, ui.savedAt(dateTimeText(saved.savedAt)));
  };
  const save = () => {
    if (!session.edited && !draft) return; // an untouched form leaves nothing behind
    showSaved(saveDraft(storage, programme, steps[index]!.id, form.answers()));
  };
  showSaved(draft);

  startAgain.addEventListener('click', () => {
    if (!window.confirm(ui.startAgainConfirm[document.documentElement.lang === 'en' ? 'en' : 'ko'])) return;
    clearDraft(storage, programme);
    location.replace(`?programme=${encodeURIComponent(programme.id)}`);
  });

  /* ---------- steps ---------- */

  const stepOfSection = (sectionId: string | undefined) => {
    const i = steps.findIndex((s) => s.sections.some((section) => section.id === sectionId));
    return i < 0 ? steps.length - 1 : i;
  };

  /** Shows step `i`; with `errors`, shows that step's among them (focusing the summary when asked), else focuses its title. */
  const render = (i: number, errors?: { list: FormError[]; focusSummary: boolean; headline?: Text; server?: boolean }) => {
    index = i;
    const step = steps[i]!;
    const onReview = step.id === REVIEW;
    bi(title, progressText(steps, i));
    bar.style.width = `${Math.round(((i + 1) / steps.length) * 100)}%`;
    if (step.sections.some((s) => s.id === 'guardian')) reuseGuardianAnswers(form);
    form.limitTo(step.sections.map((s) => s.id));
    form.element.dataset.step = step.id;
    intro.hidden = i !== 0;
    if (rrnNotice) rrnNotice.hidden = !step.sections.some((s) => s.fields.some((f) => f.input === 'rrn'));
    sensitiveNotice.hidden = !onReview && !step.sections.some((s) => s.fields.some((f) => f.sensitive));
    precheckBox.hidden = step.id !== precheckAt;
    reviewBox.hidden = !onReview;
    if (onReview) show(reviewBox, answersReview(steps, form, { href: (id) => href(id, REVIEW), open: (id) => goStep(id, REVIEW) }));
    backButton.hidden = i === 0;
    nextButton.hidden = onReview;
    bi(nextButton, returnToReview ? ui.backToReview : ui.next);
    submitButton.hidden = !onReview;
    show(status);
    session.attempted = false;
    save();
    if (!errors) return void focusView(title);
    session.attempted = true;
    shownErrors = errors.list;
    if (errors.server) form.showServerErrors(errors.list, errors.headline ?? { ko: '', en: '' });
    else form.showErrors(errors.list, { focusSummary: errors.focusSummary, ...(errors.headline ? { headline: errors.headline } : {}) });
    if (!errors.focusSummary) focusView(title);
  };

  let pending: Parameters<typeof render>[1];
  /** Errors found on submission (the browser's or the server's) are shown on the first step that has one. */
  const showOnFirstStep = (list: FormError[], extra: { headline?: Text; server?: boolean } = {}) => {
    const first = Math.min(...list.map((e) => stepOfSection(form.sectionOf(e))));
    const errors = { list, focusSummary: true, ...extra };
    if (first === index) return render(index, errors);
    pending = errors;
    goStep(steps[first]!.id, REVIEW);
  };

  form.onReveal = (sectionId) => {
    pending = { list: shownErrors, focusSummary: false };
    // From the check-your-answers page the person comes back to it; from a step, they go on from there.
    goStep(steps[stepOfSection(sectionId)]!.id, steps[index]!.id === REVIEW || returnToReview ? REVIEW : undefined);
  };

  const view: ApplicationView = {
    programme: programme.id,
    finished: false,
    show(next) {
      returnToReview = next.then === REVIEW;
      const errors = pending;
      pending = undefined;
      render(stepIndex(steps, next.step), errors);
    },
  };

  // A new history entry, like "다음": the browser's Back then returns to the step the person left.
  backButton.addEventListener('click', () => goStep(steps[Math.max(0, index - 1)]!.id, returnToReview ? REVIEW : undefined));

  /* ---------- checking and sending ---------- */

  const setBusy = (busy: boolean, message?: Text) => {
    session.busy = busy;
    for (const button of [checkButton, submitButton, nextButton]) button.setAttribute('aria-disabled', String(busy));
    form.element.setAttribute('aria-busy', String(busy));
    show(status, message ?? null);
  };

  const showProblem = (result: Extract<ApiResult<unknown>, { ok: false }>, retryable: boolean) => {
    if (result.status === 400 && result.problem.fields.length) return showOnFirstStep(toFormErrors(result.problem.fields), { headline: result.problem.message, server: true });
    show(status, h('p', { class: 'error', role: 'alert' }, result.problem.message, retryable ? h('br') : null, retryable ? ui.retrySafe : null));
  };

  form.element.addEventListener('input', (event) => {
    session.edited = true;
    save();
    if (session.attempted) form.recheck(true, event.target);
  });
  form.element.addEventListener('change', (event) => {
    session.edited = true;
    save();
    // A result about other answers would mislead.
    if (event.target !== checkButton && prescreen.childElementCount) show(prescreen);
    if (session.attempted) form.recheck(false, event.target);
  });

  checkButton.addEventListener('click', async () => {
    if (session.busy) return;
    // A pre-check sends only what the rules read (the schema's output): no name, contacts, address,
    // guardian, consents or registration number, however much of the form is filled in. Its dates
    // are judged against today, as the server judges them.
    const result = form.validate(submissionFor(programme, programme.eligibilitySchemaOn(new Date())));
    if (!result.ok) {
      session.attempted = true;
      shownErrors = result.errors;
      form.showErrors(result.errors, { focusSummary: true, anywhere: true });
      return;
    }
    form.clearErrors();
    setBusy(true, ui.checking);
    const answer = await callApi<EligibilityExplanation>('POST', '/api/eligibility/check', { body: result.parsed });
    setBusy(false);
    if (!answer.ok) return showProblem(answer, false);
    // The rule version is for case managers and audits, not a word a citizen needs.
    const { ruleVersion: _forStaff, ...explanation } = answer.body;
    const heading = txt('h3', ui.prescreenTitle);
    show(prescreen, h('section', { class: 'prescreen' }, heading, txt('p', ui.prescreenNote, { class: 'hint' }), eligibilityView(explanation, 'h4')));
    focusView(heading);
  });

  form.element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (session.busy) return;
    const step = steps[index]!;
    const result = form.validate();
    if (step.id !== REVIEW) {
      const errors = result.ok ? [] : form.inScope(result.errors);
      if (errors.length) {
        session.attempted = true;
        shownErrors = errors;
        return form.showErrors(errors, { focusSummary: true });
      }
      return goStep(returnToReview ? REVIEW : steps[index + 1]!.id);
    }
    if (!result.ok) return showOnFirstStep(result.errors);
    setBusy(true, ui.sending);
    const sent = await callApi<Receipt>('POST', '/api/applications', {
      body: result.body,
      headers: { 'Idempotency-Key': session.idempotencyKey },
    });
    setBusy(false);
    if (sent.ok) {
      view.finished = true;
      clearDraft(storage, programme);
      return showReceipt(app, programme, sent.body);
    }
    // No answer or a server error: the application may have arrived, so a retry must reuse the key.
    showProblem(sent, sent.status === 0 || sent.status >= 500);
  });

  // The first address names its step, so Back from the second step returns to it; a draft resumes where it was left.
  const first = place.step ?? draft?.step ?? steps[0]!.id;
  history.replaceState(null, '', href(steps[stepIndex(steps, first)]!.id, place.then ?? undefined));
  view.show({ step: first, then: place.then });
  return view;
}
