/**
 * "Which service fits me": a few questions across every programme in the registry — only what its
 * eligibility rules read, from `screener-questions.json` (forms/screener.ts, written by the build) —
 * then, for each programme, whether the person looks eligible and why, judged by the server's
 * pre-check (POST /api/eligibility/check: the rules the workflow applies, nothing stored). An
 * eligible-looking programme's button hands the answers to its form (citizen/handoff.ts). Answers stay
 * in this tab only (sessionStorage) and never include a name, a contact or the registration number.
 */
import type { Text } from '../../forms/i18n';
import type { ScreenerProgramme, ScreenerQuestions } from '../../forms/screener';
import { conditionHolds } from '../../forms/answers';
import { handOver } from './citizen/handoff';
import { callApi } from './lib/api';
import { byId, focusView, h, show, txt } from './lib/dom';
import { setUpLanguage } from './lib/i18n';
import { answersFor, questionGroups, type ScreenerValues } from './screener/answers';
import { questionElement, readAll, type Question } from './screener/questions';

const ui = {
  title: { ko: '돌봄 — 나에게 맞는 서비스 찾기', en: 'Dolbom — which service fits me?' },
  intro: {
    ko: '몇 가지 질문에 답하면 어떤 서비스를 신청할 수 있을지 알려 드립니다. 이름, 연락처, 주민등록번호는 묻지 않으며, 답은 이 브라우저 창에만 잠시 보관됩니다. 결과는 안내일 뿐이고, 신청 후 담당자가 최종 확인합니다.',
    en: 'Answer a few questions to see which services you could apply for. We never ask your name, contacts or resident registration number, and your answers stay in this browser tab only. The result is a guide: a case manager decides after you apply.',
  },
  common: { ko: '모든 사업에 쓰이는 질문', en: 'Questions every programme uses' },
  commonHelp: { ko: '서비스를 받을 분을 기준으로 답해 주세요.', en: 'Answer for the person who would receive the service.' },
  own: (name: Text): Text => ({ ko: `${name.ko}에만 필요한 질문`, en: `Only for ${name.en}` }),
  repeatHelp: { ko: '아동이 여럿이면 가장 어린 아동을 기준으로 답해 주세요.', en: 'With several children, answer for the youngest.' },
  skipHelp: { ko: '관심 없는 사업의 질문은 비워 두어도 됩니다.', en: 'You may leave out the questions of a programme you are not interested in.' },
  submit: { ko: '결과 보기', en: 'See the results' },
  checking: { ko: '확인하는 중…', en: 'Checking…' },
  results: { ko: '결과', en: 'Results' },
  eligible: { ko: '신청할 수 있을 것으로 보입니다', en: 'You look eligible' },
  review: { ko: '신청할 수 있을 수 있습니다. 몇 가지는 담당자가 확인합니다', en: 'You may be eligible: a case manager will check some points' },
  ineligible: { ko: '지금 답으로는 신청 대상이 아닌 것으로 보입니다', en: 'From these answers, you do not look eligible' },
  missing: { ko: '판단하려면 다음 답이 더 필요합니다', en: 'To judge this, we need these answers' },
  apply: (name: Text): Text => ({ ko: `${name.ko} 신청하기 (답한 내용이 채워집니다)`, en: `Apply for ${name.en} (your answers carried over)` }),
  failed: { ko: '결과를 불러오지 못했습니다. 잠시 후 다시 시도해 주세요.', en: 'Could not get a result. Please try again shortly.' },
} as const;

const STORAGE_KEY = 'dolbom.screener';
type Outcome = 'eligible' | 'needs-review' | 'ineligible';

setUpLanguage(ui.title);
const app = byId('app');
void start();

async function start(): Promise<void> {
  const response = await fetch('screener-questions.json').catch(() => undefined);
  if (!response?.ok) return show(app, txt('p', ui.failed, { class: 'error', role: 'alert' }));
  const { programmes } = (await response.json()) as ScreenerQuestions;
  const groups = questionGroups(programmes);
  const questions: Question[] = [];
  const fieldset = (legend: Text, help: Text[], defs: typeof groups.shared) => {
    const made = defs.map(questionElement);
    questions.push(...made);
    return h('fieldset', { class: 'section' }, txt('legend', legend), ...help.map((t) => txt('p', t, { class: 'hint' })), ...made.map((q) => q.element));
  };
  const submit = txt('button', ui.submit, { type: 'submit', id: 'screener-submit' });
  const form = h(
    'form',
    { id: 'screener', novalidate: true },
    fieldset(ui.common, [ui.commonHelp], groups.shared),
    txt('p', ui.skipHelp, { class: 'hint' }),
    ...groups.own
      .filter((g) => g.questions.length)
      .map((g) => fieldset(ui.own(g.programme.name), g.questions.some((q) => q.name.includes('*')) ? [ui.repeatHelp] : [], g.questions)),
    h('div', { class: 'actions' }, submit),
  );
  const results = h('section', { id: 'screener-results', 'aria-labelledby': 'screener-results-title' });
  show(app, txt('p', ui.intro, { class: 'notice' }), form, results);

  // Every question at once, as answers: what a `showIf` ('basis' is 'relative-carer') reads.
  const everything = { id: '', name: ui.common, summary: ui.common, questions: questions.map((q) => q.def) };
  const refresh = () => {
    const answers = answersFor(everything, readAll(questions));
    for (const q of questions) q.element.hidden = q.def.showIf !== undefined && !conditionHolds(answers, q.def.showIf);
  };
  restore(questions);
  refresh();
  form.addEventListener('change', () => {
    refresh();
    remember(readAll(questions));
  });
  form.addEventListener('input', () => remember(readAll(questions)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.getAttribute('aria-disabled') === 'true') return;
    submit.setAttribute('aria-disabled', 'true');
    show(results, txt('p', ui.checking, { role: 'status' }));
    const values = readAll(questions);
    remember(values);
    const cards = await Promise.all(programmes.map((p) => judge(p, values)));
    submit.removeAttribute('aria-disabled');
    const heading = txt('h2', ui.results, { id: 'screener-results-title' });
    show(results, heading, h('ul', { class: 'programmes' }, ...cards));
    focusView(heading);
  });
}

/** One programme's card: the judgement in plain words, the reasons, and the way into its form. */
async function judge(programme: ScreenerProgramme, values: ScreenerValues): Promise<HTMLElement> {
  const answers = answersFor(programme, values);
  const result = await callApi<{ outcome: Outcome; reasons: Text[] }>('POST', '/api/eligibility/check', { body: { programme: programme.id, answers } });
  const card = (...children: (Node | null)[]) => h('li', { class: 'programme card', 'data-programme': programme.id }, txt('h3', programme.name), ...children);
  if (!result.ok) {
    const fields = result.problem.fields;
    if (result.status !== 400 || !fields.length) return card(txt('p', result.problem.message, { class: 'error' }));
    return card(txt('p', ui.missing, { 'data-outcome': 'unanswered' }), h('ul', {}, ...fields.map((f) => txt('li', f.message))));
  }
  const { outcome, reasons } = result.body;
  // The first reason is the engine's headline; the page says it in its own words.
  const why = h('ul', { class: 'reasons' }, ...reasons.slice(1).map((r) => txt('li', r)));
  const verdict = txt('p', outcome === 'eligible' ? ui.eligible : outcome === 'needs-review' ? ui.review : ui.ineligible, { class: 'verdict', 'data-outcome': outcome });
  if (outcome === 'ineligible') return card(verdict, why);
  const apply = txt('button', ui.apply(programme.name), { type: 'button', class: 'apply', 'data-apply': programme.id });
  apply.addEventListener('click', () => {
    handOver(programme.id, answers);
    location.assign(`./?programme=${encodeURIComponent(programme.id)}`);
  });
  return card(verdict, why, h('div', { class: 'actions' }, apply));
}

function remember(values: ScreenerValues): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(values));
  } catch {
    /* not kept: the answers live only on the page */
  }
}

function restore(questions: Question[]): void {
  try {
    const values = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as ScreenerValues;
    for (const q of questions) if (values[q.def.name] !== undefined) q.write(values[q.def.name]!);
  } catch {
    /* nothing kept */
  }
}
