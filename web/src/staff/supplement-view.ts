/** The case file's supplements: what was asked, and what the applicant sent — documents opened through an audited link. */
import type { Text } from '../../../forms/i18n';
import { getProgramme, isProgrammeId } from '../../../forms';
import { fieldLabel } from '../../../functions/supplements/checklist';
import type { StaffSupplementView } from '../../../functions/supplements/staff-view';
import { h, show, txt } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';
import { problemView } from './page';
import { staffApi } from './session';

export type { StaffSupplementView };

const texts = {
  heading: { ko: '보완 요청', en: 'Supplements' },
  round: (n: number): Text => ({ ko: `${n}차 보완`, en: `Supplement ${n}` }),
  asked: { ko: '요청한 서류', en: 'Documents asked for' },
  askedFields: { ko: '고칠 항목', en: 'Answers to correct' },
  message: { ko: '신청인에게 보낸 안내', en: 'Message to the applicant' },
  due: { ko: '제출 기한', en: 'Due' },
  sent: { ko: '제출한 서류', en: 'Documents sent' },
  corrected: { ko: '고친 항목', en: 'Corrected answers' },
  note: { ko: '신청인 메모', en: "Applicant's note" },
  open: { ko: '열기', en: 'Open' },
  none: { ko: '없음', en: 'None' },
};

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

function openButton(applicationId: string, round: number, documentId: string): HTMLElement {
  const status = h('span', { role: 'status' });
  const button = h('button', { type: 'button', class: 'link', 'data-document': documentId }, texts.open);
  button.addEventListener('click', async () => {
    const result = await staffApi<{ url: string }>('GET', `/api/staff/applications/${applicationId}/supplements/${round}/documents/${encodeURIComponent(documentId)}`);
    if (!result) return;
    if (!result.ok) return show(status, problemView(result));
    window.open(result.body.url, '_blank', 'noopener');
  });
  return h('span', {}, button, status);
}

export function supplementsView(applicationId: string, programmeId: string, rounds: readonly StaffSupplementView[]): HTMLElement | null {
  if (!rounds.length) return null;
  const programme = isProgrammeId(programmeId) ? getProgramme(programmeId) : undefined;
  const documentLabel = (id: string): Text => programme?.documents.find((d) => d.id === id)?.label ?? { ko: id, en: id };
  const answerLabel = (name: string): Text => (programme ? fieldLabel(programme, name) : { ko: name, en: name });
  return h(
    'section',
    { id: 'supplements' },
    txt('h2', texts.heading),
    ...rounds.map((r) =>
      h(
        'div',
        { class: 'supplement card', 'data-round': r.round, 'data-state': r.state },
        h('h3', {}, texts.round(r.round), ' · ', r.stateLabel),
        h(
          'dl',
          { class: 'facts' },
          txt('dt', texts.asked),
          h('dd', {}, ...(r.request.documents.length ? r.request.documents.map((d) => h('span', { class: 'tag' }, documentLabel(d))) : [texts.none])),
          txt('dt', texts.askedFields),
          h('dd', {}, ...(r.request.fields.length ? r.request.fields.map((f) => h('span', { class: 'tag' }, answerLabel(f))) : [texts.none])),
          txt('dt', texts.message),
          h('dd', { class: 'note' }, r.request.message),
          r.dueAt ? txt('dt', texts.due) : null,
          r.dueAt ? h('dd', {}, dateTimeText(r.dueAt)) : null,
        ),
        r.answer
          ? h(
              'div',
              { class: 'supplement-answer' },
              txt('h4', texts.sent),
              // An empty list under its heading reads as a page that failed to load: say 없음 instead.
              r.answer.documents.length
                ? h('ul', {}, ...r.answer.documents.map((d) => h('li', {}, documentLabel(d.documentId), ` (${d.contentType}, ${Math.ceil(d.size / 1024)} KB) `, openButton(applicationId, r.round, d.documentId))))
                : h('p', { class: 'none-sent' }, texts.none),
              txt('h4', texts.corrected),
              r.answer.fields.length
                ? h('ul', {}, ...r.answer.fields.map((f) => h('li', {}, answerLabel(f.name), ': ', shown(f.before), ' → ', h('strong', {}, shown(f.after)))))
                : h('p', { class: 'none-corrected' }, texts.none),
              r.answer.note ? h('p', { class: 'note' }, h('strong', {}, texts.note, ': '), r.answer.note) : null,
            )
          : null,
      ),
    ),
  );
}
