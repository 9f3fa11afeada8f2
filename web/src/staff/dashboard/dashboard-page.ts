/**
 * The dashboard (#/dashboard, or #/dashboard/{district}): for the caller's districts (operators:
 * all of Seoul), applications by status and programme, tasks past their due date, the waiting list,
 * and the sessions recorded this month. Loaded on demand (web/src/staff.ts), with its chart library.
 */
import type { DashboardFigures } from '../../../../functions/dashboard/figures';
import { districtCodes } from '../../../../forms/districts';
import { bi } from '../../lib/i18n';
import { focusView, h, show, txt } from '../../lib/dom';
import { app, problemView } from '../page';
import { staffApi } from '../session';
import { districtText, programmeName, taskKindNames, ui } from '../texts';
import { barFigure, clearCharts } from './charts';
import { dt, outcomeNames, programmeShortNames, staffStatusNames, taskKindShortNames } from './texts';

// The districts the caller may choose, as the server said on the first unfiltered look.
let myDistricts: string[] | undefined;

export async function showDashboard(district: string | undefined): Promise<void> {
  const heading = txt('h1', dt.heading);
  const body = h('div', { id: 'dashboard', 'aria-live': 'polite' }, txt('p', ui.loading));
  const scope = h('div', { id: 'dashboard-scope' });
  show(app, h('p', {}, h('a', { href: '#/tasks' }, ui.backToTasks)), h('div', { class: 'toolbar' }, heading, scope), body);
  focusView(heading);
  const answer = await staffApi<DashboardFigures>('GET', `/api/staff/dashboard${district ? `?district=${district}` : ''}`);
  if (!answer) return;
  if (!answer.ok) return show(body, problemView(answer));
  const figures = answer.body;
  if (!district) myDistricts = figures.districts;
  show(scope, scopeChooser(district), txt('p', dt.asOf(figures.at), { class: 'hint' }));
  clearCharts();
  show(body, h('div', { class: 'dash-grid' }, ...cards(figures)));
}

function scopeChooser(district: string | undefined): HTMLElement | null {
  const districts = myDistricts ?? (district ? [district] : []);
  if (districts.length < 2) return null;
  const everywhere = districts.length === districtCodes.length ? dt.allCity : dt.allMine;
  const select = h(
    'select',
    { id: 'dashboard-district', name: 'district' },
    bi(h('option', { value: '', selected: !district }), everywhere),
    ...districts.map((d) => bi(h('option', { value: d, selected: d === district }), districtText(d))),
  );
  select.addEventListener('change', () => {
    location.hash = select.value ? `#/dashboard/${select.value}` : '#/dashboard';
  });
  return h('label', { for: 'dashboard-district', class: 'filter' }, txt('span', dt.scope), select);
}

function cards(f: DashboardFigures): HTMLElement[] {
  const programmes = f.applications.byProgramme.map((p) => p.programme);
  const applications = barFigure({
    id: 'dash-applications',
    title: dt.applications,
    summary: dt.applicationsTotal(f.applications.total),
    labels: f.applications.byStatus.map((r) => staffStatusNames[r.status] ?? { ko: r.status, en: r.status }),
    series: programmes.map((p) => ({ name: programmeName(p), values: f.applications.byStatus.map((r) => r.byProgramme[p]) })),
    horizontal: true,
    totalColumn: dt.total,
  });
  applications.classList.add('wide');
  const overdue = barFigure({
    id: 'dash-overdue',
    title: dt.overdue,
    summary: dt.overdueTotal(f.overdue.total),
    labels: f.overdue.byKind.map((k) => taskKindNames[k.kind] ?? { ko: k.kind, en: k.kind }),
    chartLabels: f.overdue.byKind.map((k) => taskKindShortNames[k.kind] ?? { ko: k.kind, en: k.kind }),
    series: [{ name: dt.count, values: f.overdue.byKind.map((k) => k.count) }],
    horizontal: true,
  });
  const waitlist = barFigure({
    id: 'dash-waitlist',
    title: dt.waitlist,
    summary: dt.waitlistTotal(f.waitlist.total),
    labels: f.waitlist.byProgramme.map((w) => programmeName(w.programme)),
    chartLabels: f.waitlist.byProgramme.map((w) => programmeShortNames[w.programme] ?? programmeName(w.programme)),
    series: [{ name: dt.waiting, values: f.waitlist.byProgramme.map((w) => w.waiting) }],
    horizontal: true,
    extraColumns: [{ name: dt.longestWait, cells: f.waitlist.byProgramme.map((w) => dt.days(w.longestWaitDays)) }],
  });
  const sessions = barFigure({
    id: 'dash-sessions',
    title: dt.sessions,
    summary: dt.sessionsTotal(f.sessions.month, f.sessions.recorded),
    labels: f.sessions.byOutcome.map((o) => outcomeNames[o.outcome] ?? { ko: o.outcome, en: o.outcome }),
    series: [{ name: dt.count, values: f.sessions.byOutcome.map((o) => o.count) }],
    horizontal: true,
  });
  const held = barFigure({
    id: 'dash-held',
    title: dt.heldByMonth,
    summary: dt.sessionsTotal(f.sessions.month, f.sessions.heldByMonth.at(-1)?.held ?? 0),
    labels: f.sessions.heldByMonth.map((m) => ({ ko: m.month, en: m.month })),
    series: [{ name: dt.held, values: f.sessions.heldByMonth.map((m) => m.held) }],
  });
  return [applications, overdue, waitlist, sessions, held];
}
