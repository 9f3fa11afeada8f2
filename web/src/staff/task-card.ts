/** A task of the application: its state and decision, and, while open, claiming and deciding it. */
import type { Text } from '../../../forms/i18n';
import { focusView, h, show } from '../lib/dom';
import { dateText, dateTimeText } from '../lib/i18n';
import { counsellorName } from './candidate-item';
import type { MatchChoice } from './match-choice';
import { problemView, problemWithFields } from './page';
import { staffApi } from './session';
import { supplementRequestForm } from './supplement-request';
import { crisisLine } from '../../../functions/screening/instruments';
import { decisionLabels, taskStateLabels, ui } from './texts';
import type { TaskView } from './types';
import { closingMissingFields } from './closing-missing';
import { referralCard } from './referral-card';
import { rejectionFields } from './rejection-fields';
import { rejectionReasonLabels, isRejectionReasonCode, type RejectionReasonCode } from '../../../functions/review/rejection-reasons';

const supplementOutcomes = {
  answered: { ko: '신청인이 보완을 제출했습니다 — 아래 보완 요청에서 확인하세요', en: 'The applicant sent the supplement: see Supplements below' },
  'no-answer': { ko: '신청인이 기한 내 보완을 제출하지 않았습니다', en: 'The applicant did not answer the supplement by the deadline' },
} as const;

const proposalTexts = {
  withApproval: { ko: '승인하면 먼저 제안:', en: 'On approval, offered first to:' },
  change: { ko: '다른 후보 고르기', en: 'Choose another candidate' },
  loading: { ko: '후보를 불러오는 중입니다…', en: 'Loading the candidates…' },
  none: { ko: '지금 자리가 있는 후보가 없어, 승인하면 대기자 명단에 오릅니다.', en: 'No candidate has a free place now: on approval the application joins the waiting list.' },
  unavailable: { ko: '후보를 불러오지 못했습니다. 승인하면 순위대로 제안합니다.', en: 'The candidates could not be loaded; on approval the place is offered by ranking.' },
  proposed: { ko: '승인하며 고른 상담사', en: 'Counsellor chosen on approval' },
  rejectionReason: { ko: '반려 사유', en: 'Reason for rejecting' },
  toCitizen: { ko: '신청인에게 전한 말', en: 'Words to the applicant' },
};

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
function answerView(task: TaskView, firstNames: Readonly<Record<string, string>>): HTMLElement | null {
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
    answer.counsellorId
      ? h('p', { class: 'answer-counsellor' }, proposalTexts.proposed, ': ', counsellorName(firstNames[answer.counsellorId], answer.counsellorId))
      : null,
    answer.rejection && isRejectionReasonCode(answer.rejection.code)
      ? h('p', { class: 'answer-rejection' }, h('strong', {}, proposalTexts.rejectionReason, ': '), rejectionReasonLabels[answer.rejection.code])
      : null,
    answer.rejection?.toCitizen ? h('p', { class: 'answer-to-citizen' }, h('strong', {}, proposalTexts.toCitizen, ': '), answer.rejection.toCitizen) : null,
    answer.note ? h('p', { class: 'note' }, h('strong', {}, ui.noteLabel, ': '), answer.note) : null,
  );
}

/** Three no-shows in a row: which sessions, on which days, so the call to the family can name them. */
function missedView(missed: NonNullable<TaskView['attendance']>['missed']): HTMLElement {
  return h(
    'div',
    { class: 'attendance' },
    h('p', {}, h('strong', {}, ui.missedInARow)),
    h('ul', {}, ...missed.map((m) => h('li', { 'data-session': m.sessionId }, ui.sessionOn(m.number, dateText(m.on))))),
    h('p', { class: 'hint' }, ui.attendanceNote),
  );
}

/** Under 승인: whom the approval will propose (the choice in the matching panel), kept up to date. */
function proposalLine(choice: MatchChoice): HTMLElement {
  const line = h('div', { class: 'proposal', 'aria-live': 'polite' });
  const change = h('button', { type: 'button', class: 'link' }, proposalTexts.change);
  change.addEventListener('click', () => choice.focus());
  const render = () => {
    const chosen = choice.chosen();
    if (chosen) {
      const name: Text = counsellorName(chosen.counsellorFirstName, chosen.counsellorId);
      return show(line, h('p', {}, proposalTexts.withApproval, ' ', h('strong', { id: 'proposal-summary' }, name, ' · ', chosen.agencyName)), change);
    }
    const hint = { loading: proposalTexts.loading, ready: proposalTexts.none, failed: proposalTexts.unavailable }[choice.state()];
    show(line, h('p', { class: 'hint' }, hint));
  };
  choice.onChange(render);
  render();
  return line;
}

export function taskCard(
  task: TaskView,
  onDecided: () => void,
  /** `extendRefusal`: why the programme's caps allow no further period (the evidence's reason); extend is then disabled. */
  options: { choice?: MatchChoice; firstNames?: Readonly<Record<string, string>>; extendRefusal?: Text; prefillRejection?: RejectionReasonCode } = {},
): HTMLElement {
  if (task.kind === 'referral' && task.referral) return referralCard(task, onDecided);
  const due = h('span', { class: 'due' }, dateTimeText(task.dueAt));
  const card = h(
    'section',
    { class: 'task card', 'data-task': task.taskId },
    h('h3', {}, task.kindLabel, ' · ', ui.periodN(task.period), ' · ', taskStateLabels[task.state] ?? task.state),
    h('p', {}, ui.dueAt, ': ', due),
    task.escalations && task.firstOpenedAt
      ? h('p', { class: 'first-opened' }, ui.firstOpenedAt, ': ', dateTimeText(task.firstOpenedAt), ' · ', ui.escalatedN(task.escalations))
      : null,
    task.risk ? h('div', { class: 'risk', role: 'alert' }, h('ul', {}, ...task.risk.reasons.map((r) => h('li', {}, r))), h('p', {}, h('a', { href: `tel:${crisisLine.number}` }, h('strong', {}, crisisLine.label)))) : null,
    task.attendance ? missedView(task.attendance.missed) : null,
    task.supplement ? h('p', { class: 'supplement-outcome', 'data-outcome': task.supplement.outcome }, supplementOutcomes[task.supplement.outcome]) : null,
    answerView(task, options.firstNames ?? {}),
  );
  if (task.state !== 'open') return card;
  card.append(claimControl(task, due));
  const { choice } = options;
  const name = `decision-${task.taskId}`;
  const refused = (decision: string) => decision === 'extend' && task.kind === 'reassessment' && options.extendRefusal;
  const radios = task.decisions.map((decision, i) =>
    h('input', { type: 'radio', name, id: `${name}-${i}`, value: decision, disabled: Boolean(refused(decision)), 'aria-describedby': refused(decision) ? `${name}-${i}-why` : undefined }),
  );
  const proposal = choice && task.decisions.includes('approve') ? proposalLine(choice) : null;
  const missing = task.decisions.includes('close') ? closingMissingFields(task.taskId) : null;
  const supplement = task.decisions.includes('request-info') ? supplementRequestForm(task.taskId, task.programme) : undefined;
  const rejection = task.decisions.includes('reject') ? rejectionFields(task.taskId, options.prefillRejection) : null;
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
        h(
          'div',
          { class: 'choice' },
          radios[i] ?? null,
          h('label', { for: `${name}-${i}` }, decisionLabels[decision] ?? decision),
          refused(decision) ? h('p', { class: 'hint', id: `${name}-${i}-why` }, options.extendRefusal) : null,
        ),
      ),
    ),
    proposal,
    missing?.element ?? null,
    supplement?.element ?? null,
    rejection?.element ?? null,
    h('div', { class: 'field' }, h('label', { for: noteId }, ui.note), note),
    h('div', { class: 'actions' }, save),
    status,
  );
  // The proposal is shown only while 승인 is the decision chosen: it goes with nothing else.
  const showProposal = () => {
    const chosen = radios.find((r) => r.checked)?.value;
    if (proposal) proposal.hidden = chosen !== 'approve';
    if (missing) missing.element.hidden = chosen !== 'close';
    if (supplement) supplement.element.hidden = chosen !== 'request-info';
    if (rejection) rejection.element.hidden = chosen !== 'reject';
  };
  // A supervisor marked the application not eligible: the reject is chosen, with their reason.
  if (rejection && options.prefillRejection) {
    const reject = radios.find((r) => r.value === 'reject');
    if (reject) reject.checked = true;
  }
  radios.forEach((r) => r.addEventListener('change', showProposal));
  showProposal();
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const decision = radios.find((r) => r.checked)?.value;
    if (!decision) return show(status, h('p', { class: 'error' }, ui.chooseDecision));
    busy = true;
    save.setAttribute('aria-disabled', 'true');
    const counsellorId = decision === 'approve' ? choice?.chosen()?.counsellorId : undefined;
    const closingSessionMissing = decision === 'close' ? missing?.value() : undefined;
    const rejectionBody = decision === 'reject' ? rejection?.value() : undefined;
    const body = {
      decision,
      ...(note.value.trim() ? { note: note.value.trim() } : {}),
      ...(counsellorId ? { counsellorId } : {}),
      ...(closingSessionMissing ? { closingSessionMissing } : {}),
      ...(decision === 'request-info' && supplement ? { supplement: supplement.value() } : {}),
      ...(rejectionBody ? { rejection: rejectionBody } : {}),
    };
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
    // A refused extension (the cap) leaves the task open: say why, and let them choose again.
    if (result.status === 409 && result.problem.code !== 'extension-cap-reached') {
      // Someone else decided first, or the task expired; the message says to refresh.
      const closed = h('div', { class: 'decided' }, h('p', { class: 'error', role: 'alert' }, result.problem.message), refresh);
      form.replaceWith(closed);
      focusView(closed);
      return;
    }
    show(status, problemWithFields(result));
    // The counsellor chosen is no longer a candidate: rank again, so the list shows who is.
    if (choice && result.problem.fields.some((f) => f.field === 'counsellorId')) void choice.reload();
  });
  card.append(form);
  return card;
}
