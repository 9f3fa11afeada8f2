/**
 * On the case page: the case notes (사례 기록) — contacts written down outside a decision, newest
 * first, a page at a time (GET …/notes) — and a small form to add one (POST …/notes). A note is never
 * changed: a correction is a new note, and the section says so. One Idempotency-Key per draft, kept
 * until the note is saved, so a double click or a resend after a lost answer writes one note.
 */
import type { Text } from '../../../forms/i18n';
import type { CaseNoteView } from '../../../functions/case-notes/case-note';
import { authorRoleLabels, contactKindLabels, contactKinds } from '../../../functions/case-notes/labels';
import { h, show, txt } from '../lib/dom';
import { bi, dateTimeText } from '../lib/i18n';
import { problemView, problemWithFields } from './page';
import { staffApi } from './session';
import { ui } from './texts';

const cn = {
  heading: { ko: '사례 기록', en: 'Case notes' },
  intro: {
    ko: '전화, 방문, 문자처럼 결정 밖에서 있었던 일을 남깁니다. 남긴 기록은 고치거나 지울 수 없습니다. 바로잡을 것이 있으면 새 기록으로 남겨 주세요.',
    en: 'Write down contacts outside a decision: calls, visits, messages. A saved note cannot be changed or deleted: to correct one, add a new note that says so.',
  },
  legend: { ko: '새 기록', en: 'New note' },
  kind: { ko: '연락 방법', en: 'How' },
  when: { ko: '연락한 때 (한국 시간)', en: 'When (Seoul time)' },
  withWhom: { ko: '누구와 (선택)', en: 'With whom (optional)' },
  withWhomHelp: { ko: '예: 어머니, 학교 사회복지사', en: 'e.g. the mother, the school social worker' },
  text: { ko: '내용', en: 'What happened' },
  textHelp: { ko: '2000자 이내', en: 'Up to 2000 characters' },
  save: { ko: '기록 남기기', en: 'Save note' },
  saving: { ko: '저장하는 중…', en: 'Saving…' },
  saved: { ko: '기록을 남겼습니다.', en: 'Note saved.' },
  none: { ko: '아직 남긴 기록이 없습니다.', en: 'No notes yet.' },
  more: { ko: '이전 기록 더 보기', en: 'Show older notes' },
  recorded: (at: string): Text => ({ ko: `${dateTimeText(at).ko}에 기록`, en: `written ${dateTimeText(at).en}` }),
};

interface NotesPage {
  notes: CaseNoteView[];
  next?: string;
}

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000; // Korea keeps no summer time

/** Now as a `datetime-local` value in Seoul, to the minute: the console reads every time in Seoul's. */
function seoulNow(): string {
  return new Date(Date.now() + SEOUL_OFFSET_MS).toISOString().slice(0, 16);
}

function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function author(note: CaseNoteView): HTMLElement {
  const role = note.author.groups.find((g): g is keyof typeof authorRoleLabels => g in authorRoleLabels);
  return h('span', { class: 'note-author' }, note.author.name ?? note.author.userId, role ? ' · ' : '', role ? authorRoleLabels[role] : null);
}

/** Written down well after the contact: the time of writing is shown too (otherwise it adds nothing to read). */
const LATE_ENTRY_MS = 10 * 60 * 1000;
const writtenLater = (note: CaseNoteView) => Date.parse(note.recordedAt) - Date.parse(note.occurredAt) > LATE_ENTRY_MS;

/** The list's order, as the server keeps it (newest contact first; UTC ISO times compare as text). */
const orderOf = (note: CaseNoteView) => `${note.occurredAt}#${note.recordedAt}`;

function noteItem(note: CaseNoteView): HTMLLIElement {
  const kind = contactKindLabels[note.kind] ?? { ko: note.kind, en: note.kind };
  const when = dateTimeText(note.occurredAt);
  return h(
    'li',
    { class: 'card case-note', 'data-note': note.noteId, 'data-order': orderOf(note) },
    h('p', { class: 'note-head' }, h('strong', {}, kind), ' · ', h('time', { datetime: note.occurredAt }, when), note.withWhom ? ` · ${note.withWhom}` : ''),
    h('p', { class: 'prose' }, note.text),
    h('p', { class: 'note-by' }, author(note), writtenLater(note) ? ' · ' : '', writtenLater(note) ? cn.recorded(note.recordedAt) : null),
  );
}

export function caseNotesSection(applicationId: string): HTMLElement {
  const path = `/api/staff/applications/${encodeURIComponent(applicationId)}/notes`;
  const list = h('ol', { class: 'case-notes', id: 'case-notes-list', 'aria-busy': 'true' });
  const empty = txt('p', cn.none, { class: 'hint', hidden: true });
  const listStatus = h('div', { role: 'status' }, txt('p', ui.loading));
  const more = txt('button', cn.more, { type: 'button', class: 'secondary', hidden: true, id: 'case-notes-more' });
  let cursor: string | undefined;

  const shown = () => new Set(Array.from(list.querySelectorAll<HTMLElement>('[data-note]'), (li) => li.dataset.note));
  const load = async () => {
    const result = await staffApi<NotesPage>('GET', `${path}?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    list.removeAttribute('aria-busy');
    if (!result) return;
    if (!result.ok) return show(listStatus, problemView(result));
    listStatus.replaceChildren();
    const seen = shown();
    list.append(...result.body.notes.filter((n) => !seen.has(n.noteId)).map(noteItem));
    cursor = result.body.next;
    more.hidden = !cursor;
    empty.hidden = list.children.length > 0;
  };
  more.addEventListener('click', () => void load());
  void load();

  // A note about a call two days ago goes where a reload would show it, not on top.
  const added = (note: CaseNoteView) => {
    if (shown().has(note.noteId)) return;
    const order = orderOf(note);
    const older = Array.from(list.querySelectorAll<HTMLElement>('[data-order]')).find((li) => (li.dataset.order ?? '') < order);
    if (older) older.before(noteItem(note));
    else list.append(noteItem(note));
    empty.hidden = true;
  };
  return h(
    'section',
    { id: 'case-notes', 'aria-labelledby': 'case-notes-heading' },
    txt('h2', cn.heading, { id: 'case-notes-heading' }),
    txt('p', cn.intro, { class: 'help' }),
    noteForm(path, added),
    listStatus,
    empty,
    list,
    more,
  );
}

function noteForm(path: string, added: (note: CaseNoteView) => void): HTMLFormElement {
  const kind = h('select', { id: 'case-note-kind', name: 'kind' });
  for (const value of contactKinds) kind.append(bi(h('option', { value }), contactKindLabels[value]));
  const when = h('input', { type: 'datetime-local', id: 'case-note-when', name: 'occurredAt', required: true, value: seoulNow(), max: seoulNow() });
  const withWhom = h('input', { type: 'text', id: 'case-note-with', name: 'withWhom', maxlength: 100, 'aria-describedby': 'case-note-with-help', autocomplete: 'off' });
  const text = h('textarea', { id: 'case-note-text', name: 'text', rows: 4, maxlength: 2000, required: true, 'aria-describedby': 'case-note-text-help' });
  const status = h('div', { role: 'status', class: 'status', id: 'case-note-status' });
  const save = txt('button', cn.save, { type: 'submit', id: 'case-note-save' });
  const inputs: Record<string, HTMLElement> = { kind, occurredAt: when, withWhom, text };
  const field = (input: HTMLElement, label: Text, help?: HTMLElement) => h('div', { class: 'field' }, txt('label', label, { for: input.id }), help, input);
  const form = h(
    'form',
    { class: 'case-note-form', novalidate: true },
    h(
      'fieldset',
      {},
      txt('legend', cn.legend),
      h('div', { class: 'note-row' }, field(kind, cn.kind), field(when, cn.when)),
      field(withWhom, cn.withWhom, txt('p', cn.withWhomHelp, { class: 'help', id: 'case-note-with-help' })),
      field(text, cn.text, txt('p', cn.textHelp, { class: 'help', id: 'case-note-text-help' })),
    ),
    h('div', { class: 'actions' }, save),
    status,
  );
  let key = newIdempotencyKey();
  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return; // the same key would answer the same note; no need to ask twice
    sending = true;
    save.setAttribute('aria-disabled', 'true');
    show(status, txt('p', cn.saving, { class: 'hint' }));
    for (const input of Object.values(inputs)) input.removeAttribute('aria-invalid');
    const body = { kind: kind.value, occurredAt: when.value ? `${when.value}+09:00` : '', ...(withWhom.value.trim() ? { withWhom: withWhom.value } : {}), text: text.value };
    const result = await staffApi<CaseNoteView>('POST', path, body, { 'idempotency-key': key });
    sending = false;
    save.removeAttribute('aria-disabled');
    if (!result) return show(status);
    if (!result.ok) {
      // What was typed stays: the reason shows under the form, and the fields it names are marked.
      for (const f of result.problem.fields) inputs[f.field]?.setAttribute('aria-invalid', 'true');
      return show(status, problemWithFields(result));
    }
    added(result.body);
    key = newIdempotencyKey();
    kind.value = contactKinds[0];
    withWhom.value = '';
    text.value = '';
    when.max = seoulNow();
    when.value = seoulNow();
    show(status, txt('p', cn.saved, { class: 'hint' }));
  });
  return form;
}
