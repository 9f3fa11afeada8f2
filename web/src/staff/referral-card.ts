/**
 * A referral task (owed at closure for a high-risk person): why, then two steps the case manager
 * records — where the person was referred, and who at the receiver acknowledged it and when. The
 * task stays open in the queue until the acknowledgement is recorded.
 */
import { referralDestinationLabels, referralDestinations } from '../../../functions/referral/referral-labels';
import { crisisLine } from '../../../functions/screening/instruments';
import { focusView, h, show } from '../lib/dom';
import { bi, dateText, dateTimeText } from '../lib/i18n';
import { problemWithFields } from './page';
import { staffApi } from './session';
import { taskStateLabels, ui } from './texts';
import type { TaskView } from './types';

const texts = {
  why: { ko: '연계가 필요한 이유', en: 'Why a referral is owed' },
  sentTo: { ko: '의뢰한 곳', en: 'Referred to' },
  acknowledged: { ko: '접수 확인', en: 'Acknowledged' },
  notSent: { ko: '아직 의뢰하지 않았습니다.', en: 'Not referred yet.' },
  waiting: { ko: '받는 기관의 접수 확인을 기다리는 중입니다.', en: 'Waiting for the receiver to acknowledge it.' },
  to: { ko: '의뢰한 곳의 종류', en: 'Kind of receiver' },
  organisation: { ko: '기관 이름', en: 'Name of the organisation' },
  organisationHint: { ko: '예: 종로구정신건강복지센터', en: 'e.g. 종로구정신건강복지센터' },
  saveSent: { ko: '의뢰 기록', en: 'Record the referral' },
  acknowledgedBy: { ko: '확인한 사람 (이름·직위)', en: 'Who acknowledged it (name, role)' },
  acknowledgedOn: { ko: '확인한 날짜', en: 'Day it was acknowledged' },
  saveAcknowledged: { ko: '접수 확인 기록 (업무 종료)', en: 'Record the acknowledgement (closes the task)' },
  saved: { ko: '저장했습니다.', en: 'Saved.' },
};

export function referralCard(task: TaskView, onSaved: () => void): HTMLElement {
  const referral = task.referral!;
  const sent = referral.sent;
  const acknowledged = referral.acknowledged;
  const card = h(
    'section',
    { class: 'task card referral', 'data-task': task.taskId },
    h('h3', {}, task.kindLabel, ' · ', ui.periodN(task.period), ' · ', taskStateLabels[task.state] ?? task.state),
    h('p', {}, ui.dueAt, ': ', dateTimeText(task.dueAt)),
    h('div', { class: 'risk' }, h('p', {}, h('strong', {}, texts.why)), h('ul', {}, ...referral.reasons.map((r) => h('li', {}, r))), h('p', {}, h('a', { href: `tel:${crisisLine.number}` }, crisisLine.label))),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, texts.sentTo),
      sent
        ? h('dd', { class: 'referral-sent' }, referralDestinationLabels[sent.to], ` · ${sent.organisation} · ${sent.by.userId} · `, dateTimeText(sent.at))
        : h('dd', { class: 'referral-sent' }, texts.notSent),
      h('dt', {}, texts.acknowledged),
      acknowledged
        ? h('dd', { class: 'referral-acknowledged' }, `${acknowledged.by} · `, dateText(acknowledged.on), ` · ${acknowledged.recordedBy.userId}`)
        : h('dd', { class: 'referral-acknowledged' }, sent ? texts.waiting : '—'),
    ),
    sent?.note ? h('p', { class: 'note' }, h('strong', {}, ui.noteLabel, ': '), sent.note) : null,
    acknowledged?.note ? h('p', { class: 'note' }, h('strong', {}, ui.noteLabel, ': '), acknowledged.note) : null,
  );
  if (task.state !== 'open') return card;
  card.append(sent ? acknowledgementForm(task, onSaved) : sentForm(task, onSaved));
  return card;
}

function field(id: string, label: typeof texts.to, input: HTMLElement, hint?: typeof texts.to): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { class: 'hint' }, hint) : null, input);
}

function sentForm(task: TaskView, onSaved: () => void): HTMLElement {
  const id = (name: string) => `referral-${name}-${task.taskId}`;
  const to = h('select', { id: id('to') });
  for (const destination of referralDestinations) to.append(bi(h('option', { value: destination }), referralDestinationLabels[destination]));
  const organisation = h('input', { id: id('organisation'), type: 'text', maxlength: 200 });
  const note = h('textarea', { id: id('note'), rows: 2, maxlength: 2000 });
  return saveForm(
    `/api/staff/tasks/${encodeURIComponent(task.taskId)}/referral`,
    () => ({ to: to.value, organisation: organisation.value.trim(), ...(note.value.trim() ? { note: note.value.trim() } : {}) }),
    [field(id('to'), texts.to, to), field(id('organisation'), texts.organisation, organisation, texts.organisationHint), field(id('note'), ui.note, note)],
    texts.saveSent,
    onSaved,
  );
}

function acknowledgementForm(task: TaskView, onSaved: () => void): HTMLElement {
  const id = (name: string) => `referral-${name}-${task.taskId}`;
  const by = h('input', { id: id('by'), type: 'text', maxlength: 200 });
  const on = h('input', { id: id('on'), type: 'date' });
  const note = h('textarea', { id: id('ack-note'), rows: 2, maxlength: 2000 });
  return saveForm(
    `/api/staff/tasks/${encodeURIComponent(task.taskId)}/referral/acknowledgement`,
    () => ({ acknowledgedBy: by.value.trim(), acknowledgedOn: on.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) }),
    [field(id('by'), texts.acknowledgedBy, by), field(id('on'), texts.acknowledgedOn, on), field(id('ack-note'), ui.note, note)],
    texts.saveAcknowledged,
    onSaved,
  );
}

function saveForm(path: string, body: () => unknown, fields: HTMLElement[], label: typeof texts.to, onSaved: () => void): HTMLElement {
  const status = h('div', { role: 'status', class: 'status' });
  const save = h('button', { type: 'submit' }, label);
  const form = h('form', { class: 'decision', novalidate: true }, ...fields, h('div', { class: 'actions' }, save), status);
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    save.setAttribute('aria-disabled', 'true');
    const result = await staffApi<unknown>('POST', path, body());
    busy = false;
    save.setAttribute('aria-disabled', 'false');
    if (!result) return;
    if (!result.ok) return show(status, problemWithFields(result));
    const done = h('p', { class: 'success' }, texts.saved);
    form.replaceWith(done);
    focusView(done);
    onSaved();
  });
  return form;
}
