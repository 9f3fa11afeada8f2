/**
 * What a case manager decides a re-assessment on (GET …/evidence): the plan, the attendance, the
 * sessions, the pre/post scores and their change, and whether the programme's caps allow another
 * period — the same reason the decision route gives when they do not.
 */
import type { Text } from '../../../forms/i18n';
import type { Attendance, SessionLine } from '../../../functions/reassessment/attendance';
import type { ReassessmentEvidence } from '../../../functions/reassessment/evidence';
import type { TestResult } from '../../../functions/reassessment/test-results';
import { h, txt } from '../lib/dom';
import { dateText, dateTimeText } from '../lib/i18n';
import { evidenceTexts as t, kindLabels, outcomeLabels } from './evidence-texts';
import { staffApi } from './session';
import { ui } from './texts';

export type { ReassessmentEvidence };

/** The evidence, or undefined when it could not be read (the view then says so). */
export async function loadEvidence(applicationId: string): Promise<ReassessmentEvidence | undefined> {
  const result = await staffApi<ReassessmentEvidence>('GET', `/api/staff/applications/${encodeURIComponent(applicationId)}/evidence`);
  return result?.ok ? result.body : undefined;
}

const percent = (rate: number | null): Text | string => (rate === null ? t.noRate : `${Math.round(rate * 100)}%`);

function attendanceLine(a: Attendance): HTMLElement {
  const part = (label: Text, n: number) => [label, ` ${n}`];
  return h(
    'p',
    { class: 'attendance' },
    ...part(t.held, a.held), ' · ', ...part(t.noShow, a.noShow), ' · ', ...part(t.cancelledByApplicant, a.cancelledByApplicant), ' · ',
    ...part(t.cancelledByProvider, a.cancelledByProvider), ' · ', ...part(t.rescheduled, a.rescheduled), ' · ', ...part(t.notRecorded, a.notRecorded),
    ' — ', t.rate, ': ', h('strong', { 'data-rate': a.rate ?? '' }, percent(a.rate)),
  );
}

function sessionsTable(sessions: SessionLine[]): HTMLElement {
  const columns = [t.number, t.kind, t.plannedOn, t.outcome, t.on, t.minutes, t.tested];
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'sessions' },
      h('thead', {}, h('tr', {}, ...columns.map((label) => h('th', { scope: 'col' }, label)))),
      h(
        'tbody',
        {},
        ...sessions.map((s) => {
          const outcome: Text | string = s.outcome ? outcomeLabels[s.outcome] ?? s.outcome : t.notRecorded;
          const by = s.cancelledBy === 'applicant' ? t.cancelledByApplicant : s.cancelledBy === 'provider' ? t.cancelledByProvider : null;
          return h(
            'tr',
            { 'data-session': s.sessionId },
            h('td', {}, String(s.number)),
            h('td', {}, kindLabels[s.kind] ?? s.kind),
            h('td', {}, dateText(s.plannedOn)),
            h('td', {}, outcome, by ? h('span', {}, ' (', by, ')') : null, s.rescheduledTo ? h('span', {}, ' → ', dateText(s.rescheduledTo)) : null),
            h('td', {}, s.on ? dateText(s.on) : ''),
            h('td', {}, s.durationMinutes !== undefined ? String(s.durationMinutes) : ''),
            h('td', {}, s.screened ? ui.yes : ''),
          );
        }),
      ),
    ),
  );
}

function testLine(label: Text, test: TestResult | undefined): HTMLElement | null {
  if (!test) return null;
  return h('p', {}, h('strong', {}, label), ' (', dateText(test.on), '): PHQ-9 ', String(test.phq9.total), ' ', test.phq9.label, ' · GAD-7 ', String(test.gad7.total), ' ', test.gad7.label);
}

export function evidenceView(evidence: ReassessmentEvidence | undefined): HTMLElement {
  if (!evidence) return h('section', { class: 'evidence card' }, txt('h2', t.heading), h('p', { class: 'error' }, t.unavailable));
  const { plan, attendance, tests, extension } = evidence;
  return h(
    'section',
    { class: 'evidence card', id: 'evidence' },
    txt('h2', t.heading),
    h(
      'dl',
      { class: 'facts' },
      txt('dt', t.plan),
      h('dd', {}, plan.programmeName, ' · ', t.periodOf(plan.period, plan.maxPeriods)),
      txt('dt', t.cadence),
      h('dd', {}, plan.cadence),
      plan.startsAt && plan.endsAt ? txt('dt', t.dates) : null,
      plan.startsAt && plan.endsAt ? h('dd', {}, dateTimeText(plan.startsAt), ' – ', dateTimeText(plan.endsAt)) : null,
      txt('dt', t.sessionsPlanned),
      h('dd', {}, String(plan.sessionsPlanned)),
    ),
    txt('h3', t.attendance),
    attendanceLine(attendance),
    h('p', { class: 'hint' }, t.rateHint),
    sessionsTable(evidence.sessions),
    evidence.earlierPeriods.length ? txt('h3', t.earlier) : null,
    ...evidence.earlierPeriods.map((a) => h('div', {}, h('strong', {}, ui.periodN(a.period)), attendanceLine(a))),
    txt('h3', t.scores),
    testLine(t.pre, tests.pre),
    testLine(t.post, tests.post),
    tests.changes.length ? h('ul', { class: 'changes' }, ...tests.changes.map((c) => h('li', { 'data-direction': c.direction }, c.summary))) : null,
    ...tests.missing.map((m) => h('p', { class: 'hint' }, m)),
    txt('h3', t.extension),
    extension.allowed
      ? h('p', { id: 'extension-cap' }, t.extendable(extension.nextPeriod, extension.monthsAfter))
      : h('p', { id: 'extension-cap', class: 'error' }, extension.reason),
  );
}
