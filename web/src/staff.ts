/**
 * The case-manager console: sign in, see the open tasks of your districts (a page at a time), open an
 * application (its answers as the form asked them, the masked RRN, the eligibility explanation, its
 * tasks with who decided them and their notes), claim and decide a task, and read the audit trail. The ID token lives in sessionStorage: gone when the tab closes.
 */
import { getProgramme, isProgrammeId, type AnyProgramme, type FieldDef } from '../../forms';
import { answerAt } from '../../forms/answers';
import { districtName, isDistrictCode } from '../../forms/districts';
import { formatNumber, type Text } from '../../forms/i18n';
import { callApi, type ApiResult } from './lib/api';
import { append, byId, focusView, h, show, txt, type Child } from './lib/dom';
import { eligibilityView, type EligibilityExplanation } from './lib/eligibility-view';
import { dateTimeText, setUpLanguage } from './lib/i18n';

/** Local cloud sign-in (the local issuer of Cognito-shaped ID tokens). */
const SIGN_IN_PATH = '/local/auth/sign-in';
const TOKEN_KEY = 'dolbom.staff.idToken';

const ui = {
  title: { ko: '돌봄 — 사례관리자', en: 'Dolbom — case managers' },
  signIn: { ko: '로그인', en: 'Sign in' },
  username: { ko: '아이디', en: 'Username' },
  password: { ko: '비밀번호', en: 'Password' },
  signingIn: { ko: '로그인하는 중입니다…', en: 'Signing in…' },
  badCredentials: { ko: '아이디 또는 비밀번호가 맞지 않습니다.', en: 'Unknown user or wrong password.' },
  expired: { ko: '로그인이 만료되었습니다. 다시 로그인해 주세요.', en: 'Your session has ended. Please sign in again.' },
  fillBoth: { ko: '아이디와 비밀번호를 입력해 주세요.', en: 'Enter your username and password.' },
  tasks: { ko: '열린 업무', en: 'Open tasks' },
  noTasks: { ko: '처리할 업무가 없습니다.', en: 'No open tasks.' },
  refresh: { ko: '새로 고침', en: 'Refresh' },
  more: { ko: '더 보기', en: 'Show more' },
  loading: { ko: '불러오는 중…', en: 'Loading…' },
  kind: { ko: '업무', en: 'Task' },
  programme: { ko: '사업', en: 'Programme' },
  district: { ko: '자치구', en: 'District' },
  period: { ko: '기간', en: 'Period' },
  createdAt: { ko: '생성', en: 'Created' },
  dueAt: { ko: '기한', en: 'Due' },
  overdue: { ko: '기한 지남', en: 'overdue' },
  open: { ko: '신청서 열기', en: 'Open application' },
  application: { ko: '신청서', en: 'Application' },
  backToTasks: { ko: '← 업무 목록', en: '← Tasks' },
  receiptNumber: { ko: '접수번호', en: 'Receipt number' },
  status: { ko: '상태', en: 'Status' },
  submittedAt: { ko: '접수일시', en: 'Submitted' },
  updatedAt: { ko: '최근 변경', en: 'Last change' },
  rrn: { ko: '주민등록번호(마스킹)', en: 'Resident registration number (masked)' },
  answers: { ko: '신청 내용', en: 'Answers' },
  eligibility: { ko: '자격 판단', en: 'Eligibility' },
  notChecked: { ko: '아직 자격 판단 전입니다.', en: 'Not checked yet.' },
  taskList: { ko: '업무', en: 'Tasks' },
  decide: { ko: '결정', en: 'Decision' },
  note: { ko: '메모(선택)', en: 'Note (optional)' },
  noteLabel: { ko: '메모', en: 'Note' },
  viaApi: { ko: 'Step Functions API로 직접(이름 없음)', en: 'straight through the Step Functions API (no name)' },
  notYetTaken: { ko: '저장됨, 워크플로 반영 전', en: 'saved, not yet taken up by the workflow' },
  saveDecision: { ko: '결정 저장', en: 'Save decision' },
  claim: { ko: '내가 처리 중', en: "I'm working on this" },
  claimHint: {
    ko: '처리 중임을 알리면 기한이 뒤로 미뤄져, 방치된 업무로 상급자에게 넘어가지 않습니다(기한 전에 다시 알려 주세요).',
    en: 'Saying you are on it moves the due date on, so the task does not escalate as forgotten (say it again before it is due).',
  },
  claimedBy: { ko: '처리 담당', en: 'Being handled by' },
  chooseDecision: { ko: '결정을 선택해 주세요.', en: 'Choose a decision.' },
  decided: { ko: '결정을 저장했습니다. 처리에 몇 초가 걸릴 수 있습니다.', en: 'Decision saved. Processing may take a few seconds.' },
  audit: { ko: '감사 기록', en: 'Audit trail' },
  showAudit: { ko: '감사 기록 보기', en: 'Show audit trail' },
  at: { ko: '시각(KST)', en: 'Time (KST)' },
  actor: { ko: '행위자', en: 'Actor' },
  action: { ko: '작업', en: 'Action' },
  detail: { ko: '세부', en: 'Detail' },
  yes: { ko: '예', en: 'Yes' },
  no: { ko: '아니오', en: 'No' },
  none: { ko: '—', en: '—' },
  item: (n: number): Text => ({ ko: `${n}번째`, en: `No. ${n}` }),
  periodN: (n: number): Text => ({ ko: `${n}기`, en: `Period ${n}` }),
} as const;

const decisionLabels: Record<string, Text> = {
  approve: { ko: '승인', en: 'Approve' },
  reject: { ko: '반려', en: 'Reject' },
  'request-info': { ko: '보완 요청', en: 'Request information' },
  extend: { ko: '연장', en: 'Extend' },
  close: { ko: '종결', en: 'Close' },
};

const taskStateLabels: Record<string, Text> = {
  open: { ko: '처리 대기', en: 'Open' },
  decided: { ko: '결정됨', en: 'Decided' },
  expired: { ko: '기한 만료', en: 'Expired' },
};

interface TaskView {
  taskId: string;
  applicationId: string;
  kind: string;
  kindLabel: Text;
  period: number;
  district: string;
  programme: string;
  state: string;
  createdAt: string;
  dueAt: string;
  decisions: string[];
  /** The decision: by a signed-in case manager through this console, or sent straight to the Step Functions API. */
  answer?: { decision: string; via: 'console' | 'step-functions-api'; by?: { userId: string }; note?: string; at: string };
  assignee?: string;
  claimedAt?: string;
}

interface CaseFile {
  id: string;
  receiptNumber: string;
  programme: string;
  programmeVersion?: string;
  district: string;
  status: string;
  statusLabel: Text;
  period: number;
  createdAt: string;
  updatedAt: string;
  answers: Record<string, unknown>;
  rrn?: { masked: string };
  eligibility?: EligibilityExplanation;
  providerId?: string;
  servicePeriod?: { period: number; startsAt: string; endsAt: string };
  tasks: TaskView[];
}

interface AuditEventView {
  at: string;
  actor: unknown;
  action: string;
  status?: string;
  detail?: Record<string, unknown>;
  note?: string;
}

const app = byId('app');
const who = byId('who');
const signOutButton = byId<HTMLButtonElement>('sign-out');
setUpLanguage(ui.title);

/* ---------- session ---------- */

function token(): string | null {
  const value = sessionStorage.getItem(TOKEN_KEY);
  if (!value) return null;
  const exp = claimsOf(value)?.exp;
  if (typeof exp === 'number' && exp * 1000 < Date.now()) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return value;
}

/** The token's claims, for display only: the API verifies the signature. */
function claimsOf(jwt: string): Record<string, unknown> | undefined {
  try {
    const payload = jwt.split('.')[1] ?? '';
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function showWho(): void {
  const current = token();
  const claims = current ? claimsOf(current) : undefined;
  signOutButton.hidden = !current;
  const groups = claims?.['cognito:groups'];
  who.textContent = claims ? `${String(claims.name ?? claims.sub ?? '')}${Array.isArray(groups) ? ` · ${groups.join(', ')}` : ''}` : '';
}

function signOut(reason?: Text): void {
  sessionStorage.removeItem(TOKEN_KEY);
  showWho();
  showSignIn(reason);
}

signOutButton.addEventListener('click', () => {
  signOut();
  history.replaceState(null, '', location.pathname);
});

/** A staff API call; a 401 ends the session and asks to sign in again. */
async function staffApi<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T> | undefined> {
  const current = token();
  if (!current) {
    signOut(ui.expired);
    return undefined;
  }
  const result = await callApi<T>(method, path, { body, headers: { authorization: `Bearer ${current}` } });
  if (!result.ok && result.status === 401) {
    signOut(ui.expired);
    return undefined;
  }
  return result;
}

function problemView(result: Extract<ApiResult<unknown>, { ok: false }>): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, result.problem.message);
}

/* ---------- routing: #/tasks, #/applications/{id} ---------- */

window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#/') || location.hash === '') route();
});
showWho();
route();

function route(): void {
  if (!token()) return showSignIn();
  const application = /^#\/applications\/([A-Za-z0-9]+)$/.exec(location.hash)?.[1];
  if (application) void showApplication(application);
  else void showTasks();
}

/* ---------- sign-in ---------- */

function showSignIn(reason?: Text): void {
  const username = h('input', { id: 'username', name: 'username', type: 'text', autocomplete: 'username', 'aria-required': 'true', spellcheck: 'false', autocapitalize: 'none' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', 'aria-required': 'true' });
  const status = h('div', { role: 'status', id: 'sign-in-status' }, reason ? h('p', { class: 'error' }, reason) : null);
  const heading = txt('h1', ui.signIn);
  const form = h(
    'form',
    { id: 'sign-in-form', class: 'card narrow', novalidate: true },
    heading,
    h('div', { class: 'field' }, h('label', { for: 'username' }, ui.username), username),
    h('div', { class: 'field' }, h('label', { for: 'password' }, ui.password), password),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, ui.signIn)),
    status,
  );
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!username.value.trim() || !password.value) return show(status, h('p', { class: 'error' }, ui.fillBoth));
    busy = true;
    show(status, ui.signingIn);
    const result = await callApi<{ idToken?: string }>('POST', SIGN_IN_PATH, { body: { username: username.value.trim(), password: password.value } });
    busy = false;
    if (result.ok && result.body.idToken) {
      sessionStorage.setItem(TOKEN_KEY, result.body.idToken);
      showWho();
      route();
      return;
    }
    password.value = '';
    show(status, h('p', { class: 'error', role: 'alert' }, result.ok || result.status === 401 ? ui.badCredentials : result.problem.message));
  });
  show(app, form);
  username.focus();
}

/* ---------- task queue ---------- */

function programmeName(id: string): Text {
  return isProgrammeId(id) ? getProgramme(id).name : { ko: id, en: id };
}

function districtText(code: string): Text {
  return isDistrictCode(code) ? districtName(code) : { ko: code, en: code };
}

async function showTasks(): Promise<void> {
  const heading = txt('h1', ui.tasks);
  const refresh = h('button', { type: 'button', class: 'secondary' }, ui.refresh);
  refresh.addEventListener('click', () => void showTasks());
  const body = h('div', { id: 'tasks', 'aria-live': 'polite' }, txt('p', ui.loading));
  show(app, h('div', { class: 'toolbar' }, heading, refresh), body);
  const result = await staffApi<TaskPage>('GET', '/api/staff/tasks');
  if (!result) return;
  if (!result.ok) return show(body, problemView(result));
  if (!result.body.tasks.length) return show(body, txt('p', ui.noTasks));
  const rows = h('tbody', {}, ...result.body.tasks.map(taskRow));
  show(
    body,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'tasks' },
        h(
          'thead',
          {},
          h('tr', {}, ...[ui.kind, ui.programme, ui.district, ui.period, ui.createdAt, ui.dueAt, ui.application].map((label) => h('th', { scope: 'col' }, label))),
        ),
        rows,
      ),
    ),
    moreTasks(rows, result.body.next),
  );
  focusView(heading);
}

interface TaskPage {
  tasks: TaskView[];
  /** The cursor of the next page; absent on the last. */
  next?: string;
}

function taskRow(task: TaskView): HTMLElement {
  const overdue = Date.parse(task.dueAt) < Date.now();
  return h(
    'tr',
    { 'data-task': task.taskId, class: overdue ? 'overdue' : undefined },
    h('td', {}, task.kindLabel),
    h('td', {}, programmeName(task.programme)),
    h('td', {}, districtText(task.district)),
    h('td', {}, ui.periodN(task.period)),
    h('td', {}, dateTimeText(task.createdAt)),
    h('td', {}, dateTimeText(task.dueAt), overdue ? h('strong', { class: 'tag danger' }, ' ', ui.overdue) : null),
    h('td', {}, h('a', { href: `#/applications/${task.applicationId}` }, ui.open)),
  );
}

/** "Show more": appends the next page of the queue to `rows` until there is none. */
function moreTasks(rows: HTMLElement, first: string | undefined): HTMLElement {
  let next = first;
  let busy = false;
  const button = h('button', { type: 'button', class: 'secondary', id: 'more-tasks' }, ui.more);
  const status = h('div', { role: 'status', class: 'status' });
  const box = h('div', { class: 'actions' }, button, status);
  box.hidden = !next;
  button.addEventListener('click', async () => {
    if (!next || busy) return;
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    const page = await staffApi<TaskPage>('GET', `/api/staff/tasks?cursor=${encodeURIComponent(next)}`);
    busy = false;
    button.setAttribute('aria-disabled', 'false');
    if (!page) return;
    if (!page.ok) return show(status, problemView(page));
    show(status);
    append(rows, ...page.body.tasks.map(taskRow));
    next = page.body.next;
    box.hidden = !next;
  });
  return box;
}

/* ---------- case file ---------- */

function valueText(def: FieldDef, value: unknown): Child {
  if (value === undefined || value === null || value === '') return ui.none;
  if (typeof value === 'boolean') return value ? ui.yes : ui.no;
  const optionLabel = (v: unknown) => def.options?.find((o) => o.value === v)?.label ?? { ko: String(v), en: String(v) };
  if (Array.isArray(value)) {
    if (!value.length) return ui.none;
    const labels = value.map(optionLabel);
    return { ko: labels.map((l) => l.ko).join(', '), en: labels.map((l) => l.en).join(', ') };
  }
  if (def.options) return optionLabel(value);
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

function answersView(programme: AnyProgramme, file: CaseFile): HTMLElement {
  const sections = programme.sections.map((section) => {
    const rows = (fields: FieldDef[], at: (name: string) => unknown): Child[] =>
      fields.flatMap((def) => {
        const value = def.input === 'rrn' ? file.rrn?.masked : at(def.name);
        if (def.showIf && value === undefined) return [];
        return [h('dt', {}, def.label), h('dd', { 'data-answer': def.name }, def.input === 'rrn' ? (value as string | undefined) ?? ui.none : valueText(def, value))];
      });
    if (section.repeat) {
      const items = answerAt(file.answers, section.repeat.path);
      const prefix = `${section.repeat.path}.*.`;
      return h(
        'section',
        {},
        h('h3', {}, section.title),
        ...(Array.isArray(items) && items.length
          ? items.map((item, i) =>
              h('div', { class: 'item' }, h('h4', {}, ui.item(i + 1)), h('dl', { class: 'facts' }, ...rows(section.fields, (name) => answerAt(item, name.slice(prefix.length))))),
            )
          : [h('p', {}, ui.none)]),
      );
    }
    return h('section', {}, h('h3', {}, section.title), h('dl', { class: 'facts' }, ...rows(section.fields, (name) => answerAt(file.answers, name))));
  });
  return h('div', { class: 'answers' }, ...sections);
}

/** "I'm working on this": assigns the task, sends the workflow's heartbeat and shows the new due date. */
function claimControl(task: TaskView, due: HTMLElement): HTMLElement {
  const claimed = (by: string, at: string) => h('p', { class: 'claimed' }, ui.claimedBy, ': ', by, ' · ', dateTimeText(at));
  const status = h('div', { role: 'status', class: 'status' }, task.assignee && task.claimedAt ? claimed(task.assignee, task.claimedAt) : null);
  const button = h('button', { type: 'button', class: 'secondary', title: ui.claimHint.en }, ui.claim);
  button.addEventListener('click', async () => {
    const result = await staffApi<{ assignee: string; claimedAt: string; dueAt: string }>('POST', `/api/staff/tasks/${encodeURIComponent(task.taskId)}/claim`);
    if (!result) return;
    if (result.ok) show(due, dateTimeText(result.body.dueAt));
    show(status, result.ok ? claimed(result.body.assignee, result.body.claimedAt) : problemView(result));
  });
  return h('div', { class: 'claim' }, button, h('p', { class: 'hint' }, ui.claimHint), status);
}

/** The decision on a task: what, by whom (or how it came, when nobody can be named), when, and the note. */
function answerView(task: TaskView): HTMLElement | null {
  const answer = task.answer;
  if (!answer) return null;
  return h(
    'div',
    { class: 'answer' },
    h(
      'p',
      {},
      ui.decide,
      ': ',
      decisionLabels[answer.decision] ?? answer.decision,
      ' · ',
      answer.via === 'console' ? h('span', { class: 'decided-by' }, answer.by?.userId ?? '') : ui.viaApi,
      ' · ',
      dateTimeText(answer.at),
      // Saved by the console but not (yet) taken up: the workflow has not answered, or the task expired first.
      task.state !== 'decided' ? h('span', { class: 'hint' }, ' · ', ui.notYetTaken) : null,
    ),
    answer.note ? h('p', { class: 'note' }, h('strong', {}, ui.noteLabel, ': '), answer.note) : null,
  );
}

function taskCard(task: TaskView, onDecided: () => void): HTMLElement {
  const due = h('span', { class: 'due' }, dateTimeText(task.dueAt));
  const card = h(
    'section',
    { class: 'task card', 'data-task': task.taskId },
    h('h3', {}, task.kindLabel, ' · ', ui.periodN(task.period), ' · ', taskStateLabels[task.state] ?? task.state),
    h('p', {}, ui.dueAt, ': ', due),
    answerView(task),
  );
  if (task.state !== 'open') return card;
  card.append(claimControl(task, due));
  const name = `decision-${task.taskId}`;
  const radios = task.decisions.map((decision, i) => h('input', { type: 'radio', name, id: `${name}-${i}`, value: decision }));
  const noteId = `note-${task.taskId}`;
  const note = h('textarea', { id: noteId, rows: 2, maxlength: 2000 });
  const status = h('div', { role: 'status', class: 'status' });
  const save = h('button', { type: 'submit' }, ui.saveDecision);
  const form = h(
    'form',
    { class: 'decision', novalidate: true },
    h(
      'fieldset',
      { class: 'choices', role: 'radiogroup' },
      h('legend', {}, ui.decide),
      ...task.decisions.map((decision, i) =>
        h('div', { class: 'choice' }, radios[i] ?? null, h('label', { for: `${name}-${i}` }, decisionLabels[decision] ?? decision)),
      ),
    ),
    h('div', { class: 'field' }, h('label', { for: noteId }, ui.note), note),
    h('div', { class: 'actions' }, save),
    status,
  );
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const decision = radios.find((r) => r.checked)?.value;
    if (!decision) return show(status, h('p', { class: 'error' }, ui.chooseDecision));
    busy = true;
    save.setAttribute('aria-disabled', 'true');
    const body = note.value.trim() ? { decision, note: note.value.trim() } : { decision };
    const result = await staffApi<{ taskId: string; decision: string }>('POST', `/api/staff/tasks/${encodeURIComponent(task.taskId)}/decision`, body);
    busy = false;
    save.setAttribute('aria-disabled', 'false');
    if (!result) return;
    const refresh = h('button', { type: 'button', class: 'secondary' }, ui.refresh);
    refresh.addEventListener('click', onDecided);
    if (result.ok) {
      // The workflow moves on asynchronously: say so, and let the person refresh when they want.
      const done = h('div', { class: 'decided' }, h('p', { class: 'success' }, ui.decided), refresh);
      form.replaceWith(done);
      focusView(done);
      return;
    }
    if (result.status === 409) {
      // Someone else decided first, or the task expired; the message says to refresh.
      const closed = h('div', { class: 'decided' }, h('p', { class: 'error', role: 'alert' }, result.problem.message), refresh);
      form.replaceWith(closed);
      focusView(closed);
      return;
    }
    const fieldMessages = result.status === 400 ? result.problem.fields.map((f) => h('span', {}, f.message)) : [];
    show(status, h('p', { class: 'error', role: 'alert' }, result.problem.message, ...fieldMessages.flatMap((m) => [h('br'), m])));
  });
  card.append(form);
  return card;
}

function actorText(actor: unknown): string {
  if (typeof actor !== 'object' || actor === null) return String(actor ?? '');
  const a = actor as { kind?: string; userId?: string; step?: string; groups?: string[]; sourceIp?: string };
  const who =
    a.kind === 'staff'
      ? `${a.userId ?? ''}${a.groups?.length ? ` (${a.groups.join(', ')})` : ''}`
      : a.kind === 'system'
        ? `system: ${a.step ?? ''}`
        : a.kind === 'step-functions-api'
          ? 'Step Functions API'
          : (a.kind ?? '');
  return a.sourceIp ? `${who} @ ${a.sourceIp}` : who;
}

async function showAudit(applicationId: string, target: HTMLElement): Promise<void> {
  show(target, txt('p', ui.loading));
  const result = await staffApi<{ events: AuditEventView[] }>('GET', `/api/staff/applications/${applicationId}/audit`);
  if (!result) return;
  if (!result.ok) return show(target, problemView(result));
  show(
    target,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'audit' },
        h('thead', {}, h('tr', {}, ...[ui.at, ui.actor, ui.action, ui.status, ui.detail, ui.noteLabel].map((label) => h('th', { scope: 'col' }, label)))),
        h(
          'tbody',
          {},
          ...result.body.events.map((e) =>
            h(
              'tr',
              {},
              h('td', {}, h('time', { datetime: e.at }, dateTimeText(e.at))),
              h('td', {}, actorText(e.actor)),
              h('td', {}, h('code', {}, e.action)),
              h('td', {}, e.status ?? ''),
              h('td', {}, e.detail ? Object.entries(e.detail).map(([k, v]) => `${k}=${String(v)}`).join(', ') : ''),
              h('td', { class: 'note' }, e.note ?? ''),
            ),
          ),
        ),
      ),
    ),
  );
}

async function showApplication(applicationId: string): Promise<void> {
  show(app, h('p', {}, h('a', { href: '#/tasks' }, ui.backToTasks)), txt('p', ui.loading));
  const result = await staffApi<CaseFile>('GET', `/api/staff/applications/${applicationId}`);
  if (!result) return;
  if (!result.ok) return show(app, h('p', {}, h('a', { href: '#/tasks' }, ui.backToTasks)), problemView(result));
  const file = result.body;
  const programme = isProgrammeId(file.programme) ? getProgramme(file.programme) : undefined;
  const heading = h('h1', {}, file.receiptNumber, ' · ', file.statusLabel);
  const auditBox = h('div', { id: 'audit', 'aria-live': 'polite' });
  const auditButton = h('button', { type: 'button', class: 'secondary', id: 'show-audit' }, ui.showAudit);
  auditButton.addEventListener('click', () => void showAudit(file.id, auditBox));
  const reload = () => void showApplication(applicationId);
  show(
    app,
    h('p', {}, h('a', { href: '#/tasks' }, ui.backToTasks)),
    heading,
    h(
      'dl',
      { class: 'facts' },
      txt('dt', ui.programme),
      h('dd', {}, programmeName(file.programme), file.programmeVersion ? ` (${file.programmeVersion})` : ''),
      txt('dt', ui.district),
      h('dd', {}, districtText(file.district)),
      txt('dt', ui.status),
      h('dd', {}, file.statusLabel, ` · ${file.status}`),
      txt('dt', ui.period),
      h('dd', {}, ui.periodN(file.period)),
      txt('dt', ui.submittedAt),
      h('dd', {}, dateTimeText(file.createdAt)),
      txt('dt', ui.updatedAt),
      h('dd', {}, dateTimeText(file.updatedAt)),
      file.rrn ? txt('dt', ui.rrn) : null,
      file.rrn ? h('dd', { class: 'code', id: 'masked-rrn' }, file.rrn.masked) : null,
    ),
    txt('h2', ui.taskList),
    ...(file.tasks.length ? file.tasks.map((task) => taskCard(task, reload)) : [txt('p', ui.noTasks)]),
    txt('h2', ui.eligibility),
    file.eligibility ? eligibilityView(file.eligibility, 'h3') : txt('p', ui.notChecked),
    txt('h2', ui.answers),
    programme ? answersView(programme, file) : h('pre', {}, JSON.stringify(file.answers, null, 2)),
    txt('h2', ui.audit),
    auditButton,
    auditBox,
  );
  focusView(heading);
}
