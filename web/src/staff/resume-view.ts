/**
 * On the case page: an application stopped on a processing error — since when, in what stage — and,
 * for an operator or a supervisor, the form to resume it once the cause is fixed, with what was fixed
 * (POST …/resume; the server decides whether it may). After a resume, who resumed it, why and where.
 */
import type { Text } from '../../../forms/i18n';
import { statusLabels, type ApplicationStatus } from '../../../functions/applications/application';
import type { Resumption, WorkflowFailure } from '../../../functions/lifecycle/resume';
import { h, show, txt } from '../lib/dom';
import { bi, dateTimeText } from '../lib/i18n';
import { problemWithFields } from './page';
import { session, staffApi } from './session';

const texts = {
  heading: { ko: '처리 오류와 재개', en: 'Processing error and resume' },
  stopped: { ko: '처리 오류로 멈춤', en: 'Stopped on a processing error' },
  wasIn: { ko: '멈출 때 상태', en: 'Status when it stopped' },
  errorType: { ko: '오류 종류 (운영 담당자용)', en: 'Error type (for the operators)' },
  askOthers: {
    ko: '원인을 고친 뒤 감독자나 운영 담당자가 재개할 수 있습니다. 운영 담당자에게 알려 주세요.',
    en: 'Once the cause is fixed, a supervisor or an operator can resume it. Tell the operators.',
  },
  legend: { ko: '재개 / Resume', en: 'Resume' },
  reason: { ko: '무엇을 고쳤나요? (재개 사유, 직원만 봄)', en: 'What was fixed? (reason, staff only)' },
  hint: {
    ko: '멈춘 단계부터 다시 진행하고 상태를 멈추기 전으로 되돌립니다. 원인을 고치기 전에 재개하면 다시 멈춥니다.',
    en: 'The work goes on from the stage it stopped in, and the status returns to what it was. Resumed before the cause is fixed, it stops again.',
  },
  submit: { ko: '재개', en: 'Resume' },
  done: (stage: Text, status: Text): Text => ({
    ko: `재개했습니다: ${stage.ko} 단계부터 다시 진행합니다 (상태: ${status.ko}).`,
    en: `Resumed: the work goes on at ${stage.en} (status: ${status.en}).`,
  }),
  refresh: { ko: '새로 고침', en: 'Refresh' },
  lastResumed: { ko: '마지막 재개', en: 'Last resumed' },
} satisfies Record<string, Text | ((...args: never[]) => Text)>;

interface Resumed {
  status: string;
  statusLabel: Text;
  stageLabel: Text;
}

const labelOf = (status: string): Text => statusLabels[status as ApplicationStatus] ?? { ko: status, en: status };

function inGroup(group: string): boolean {
  return (session.claims()?.['cognito:groups'] as unknown[] | undefined)?.includes(group) ?? false;
}

/** Operators and supervisors resume (the route's access); caseworkers are told whom to ask. */
export const mayResume = () => inGroup('operator') || inGroup('supervisor');

/** The section of the case page: for a failed application, or one resumed before. */
export function resumeView(file: { id: string; status: string; failure?: WorkflowFailure; resumed?: Resumption }, reload: () => void): HTMLElement | null {
  const failed = file.status === 'failed';
  if (!failed && !file.resumed) return null;
  return h(
    'section',
    { class: 'resume card', id: 'resume' },
    txt('h2', texts.heading),
    failed && file.failure ? failureFacts(file.failure) : null,
    failed ? (mayResume() ? resumeForm(file.id, reload) : txt('p', texts.askOthers, { class: 'hint' })) : null,
    file.resumed ? lastResume(file.resumed) : null,
  );
}

function failureFacts(failure: WorkflowFailure): HTMLElement {
  return h(
    'dl',
    { class: 'facts', id: 'failure-facts' },
    txt('dt', texts.stopped),
    h('dd', {}, dateTimeText(failure.at)),
    txt('dt', texts.wasIn),
    h('dd', {}, labelOf(failure.from)),
    txt('dt', texts.errorType),
    h('dd', { class: 'code' }, failure.error),
  );
}

function lastResume(resumed: Resumption): HTMLElement {
  return h('p', { id: 'last-resume' }, h('strong', {}, texts.lastResumed, ': '), dateTimeText(resumed.at), ' · ', resumed.by.userId, ' · ', labelOf(resumed.status), h('br'), texts.reason, ': ', resumed.reason);
}

/** The form alone: the case page's section, and an operator's page (they open no case file). */
export function resumeForm(applicationId: string, reload: () => void): HTMLElement {
  const reason = h('textarea', { id: 'resume-reason', rows: 2, maxlength: 2000, 'aria-describedby': 'resume-hint' });
  const status = h('div', { role: 'status', class: 'status' });
  const button = h('button', { type: 'submit' }, bi(h('span'), texts.submit));
  const form = h(
    'form',
    { class: 'resume-form', novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, texts.legend),
      h('div', { class: 'field' }, h('label', { for: 'resume-reason' }, texts.reason), reason),
      txt('p', texts.hint, { class: 'hint', id: 'resume-hint' }),
    ),
    h('div', { class: 'actions' }, button),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    const result = await staffApi<Resumed>('POST', `/api/staff/applications/${encodeURIComponent(applicationId)}/resume`, { reason: reason.value.trim() });
    button.disabled = false;
    if (!result) return;
    if (!result.ok) return show(status, problemWithFields(result));
    button.hidden = true;
    const refresh = h('button', { type: 'button', class: 'secondary' }, bi(h('span'), texts.refresh));
    refresh.addEventListener('click', reload);
    show(status, txt('p', texts.done(result.body.stageLabel, result.body.statusLabel), { class: 'success', id: 'resume-result' }), refresh);
  });
  return form;
}
