/**
 * An application as its case manager reads it: the facts, where it is in its lifecycle (and, stopped
 * on a processing error, its resume), provider matching (the choice while in review, what happened
 * after), its tasks, the case notes, the eligibility explanation, the answers, the audit trail and,
 * for supervisors, the access log.
 */
import { getProgramme, isProgrammeId } from '../../../forms';
import { focusView, h, show, txt } from '../lib/dom';
import { eligibilityView } from '../lib/eligibility-view';
import { dateTimeText } from '../lib/i18n';
import { answersView } from './answers-view';
import { caseNotesSection } from './case-notes';
import { closureView } from './closure-view';
import { eligibilityOverrideView } from './eligibility-override';
import { isRejectionReasonCode } from '../../../functions/review/rejection-reasons';
import { evidenceView, loadEvidence } from './evidence-view';
import { lifecycleSection } from './lifecycle-view';
import { accessLogSection } from './access-log-view';
import { showAudit } from './audit-view';
import { matchChoice } from './match-choice';
import { matchHistory } from './match-history';
import { resumeView } from './resume-view';
import { app, problemView } from './page';
import { staffApi } from './session';
import { supervisionSection } from './supervision-case';
import { supplementsView } from './supplement-view';
import { submitterFact } from './submitter-fact';
import { taskCard } from './task-card';
import { districtText, programmeName, ui } from './texts';
import type { CaseFile } from './types';

export async function showApplication(applicationId: string): Promise<void> {
  const back = () => h('p', {}, h('a', { href: '#/tasks' }, ui.backToTasks));
  show(app, back(), txt('p', ui.loading));
  const result = await staffApi<CaseFile>('GET', `/api/staff/applications/${applicationId}`);
  if (!result) return;
  if (!result.ok) return show(app, back(), problemView(result));
  const file = result.body;
  const programme = isProgrammeId(file.programme) ? getProgramme(file.programme) : undefined;
  const heading = h('h1', {}, file.receiptNumber, ' · ', file.statusLabel);
  const auditBox = h('div', { id: 'audit', 'aria-live': 'polite' });
  const auditButton = h('button', { type: 'button', class: 'secondary', id: 'show-audit' }, ui.showAudit);
  auditButton.addEventListener('click', () => void showAudit(file.id, auditBox));
  const reload = () => void showApplication(applicationId);
  // While a review task is open, the case manager chooses whom to offer first; afterwards, the record.
  const inReview = file.status === 'awaiting-review' && file.tasks.some((t) => t.kind === 'review' && t.state === 'open' && !t.answer);
  const choice = inReview ? matchChoice(file.id) : undefined;
  const matching = choice?.element ?? matchHistory(file);
  // A re-assessment is decided on evidence: read it before the task card, whose extend it may disable.
  const reassessing = file.status === 'reassessment' || file.tasks.some((t) => t.kind === 'reassessment' && t.state === 'open');
  const evidence = reassessing ? await loadEvidence(file.id) : undefined;
  const extendRefusal = evidence && !evidence.extension.allowed ? evidence.extension.reason : undefined;
  // A supervisor marked it not eligible: the case manager's reject starts from their reason.
  const overriddenTo = file.eligibilityOverride?.outcome === 'ineligible' ? file.eligibilityOverride.rejectionReason : undefined;
  const prefillRejection = isRejectionReasonCode(overriddenTo) ? overriddenTo : undefined;
  show(
    app,
    back(),
    heading,
    h(
      'dl',
      { class: 'facts' },
      txt('dt', ui.programme),
      h('dd', {}, programmeName(file.programme), file.programmeVersion ? ` (${file.programmeVersion})` : ''),
      txt('dt', ui.district),
      h('dd', {}, districtText(file.district)),
      txt('dt', ui.status),
      // Staff read the label; the code is only for the API and the audit trail.
      h('dd', { id: 'status-label' }, file.statusLabel),
      txt('dt', ui.period),
      h('dd', {}, ui.periodN(file.period)),
      txt('dt', ui.submittedAt),
      h('dd', {}, dateTimeText(file.createdAt)),
      ...submitterFact(file.answers),
      txt('dt', ui.updatedAt),
      h('dd', {}, dateTimeText(file.updatedAt)),
      file.rrn ? txt('dt', ui.rrn) : null,
      file.rrn ? h('dd', { class: 'code', id: 'masked-rrn' }, file.rrn.masked) : null,
    ),
    lifecycleSection(file.id),
    resumeView(file, reload),
    matching,
    reassessing ? evidenceView(evidence) : null,
    closureView(file, reload),
    txt('h2', ui.taskList),
    ...(file.tasks.length ? file.tasks.map((task) => taskCard(task, reload, { choice, firstNames: file.counsellorFirstNames, extendRefusal, prefillRejection })) : [txt('p', ui.noTasks)]),
    caseNotesSection(file.id),
    supplementsView(file.id, file.programme, file.supplements ?? []),
    supervisionSection(file.id, file.supervision ?? [], reload),
    txt('h2', ui.eligibility),
    file.eligibility ? eligibilityView(file.eligibility, 'h3') : txt('p', ui.notChecked),
    eligibilityOverrideView(file, reload),
    txt('h2', ui.answers),
    programme ? answersView(programme, file) : h('pre', {}, JSON.stringify(file.answers, null, 2)),
    txt('h2', ui.audit),
    auditButton,
    auditBox,
    ...accessLogSection(file.id),
  );
  focusView(heading);
}
