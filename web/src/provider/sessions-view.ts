/**
 * "회기 기록": the plan of one person's current period as a list, sessions held of planned, a way
 * straight to the next session to record, and each session's record and form (session-card.ts). A
 * test that comes back high risk puts the crisis line first on the page at once.
 */
import type { Text } from '../../../forms/i18n';
import { focusView, h, show, txt } from '../lib/dom';
import type { StaffSession } from '../lib/staff-session';
import { trailingNoShowRun } from '../../../functions/service-period/attendance';
import { crisisNotice } from './crisis-notice';
import { countText, dayText, expectedDay, isTestSession, nextToRecord, recordText, screeningText, seoulToday } from './session-facts';
import { sessionCard, type SessionCardContext } from './session-card';
import { sx } from './session-text';
import { none, ui } from './text';
import type { CaseloadEntry, RecordAnswer, RecordedSession, ScreeningResult, SessionList } from './types';

/** The latest test session's scores, if any: whether the person is at high risk now. */
function latestScreening(sessions: readonly RecordedSession[]): ScreeningResult | undefined {
  return [...sessions].reverse().find((s) => isTestSession(s.kind) && s.record?.screening)?.record?.screening;
}

export function sessionsView(session: StaffSession, applicationId: string): { element: HTMLElement; heading: HTMLElement } {
  const heading = txt('h1', sx.sessions, { id: 'sessions-heading' });
  const crisisSlot = h('div', { id: 'crisis-slot' });
  const body = h('div', { id: 'sessions' }, txt('p', ui.loading));
  const element = h(
    'section',
    { class: 'sessions-view', 'aria-labelledby': heading.id },
    h('p', {}, h('a', { href: '#/caseload', id: 'back-to-caseload' }, sx.backToCaseload)),
    heading,
    crisisSlot,
    body,
  );
  let sessions: RecordedSession[] = [];
  /** Held of planned, as the server counted them. */
  let counts = { held: 0, planned: 0 };
  /** The latest no-show run the case manager was told of (the server's list, or this page's record). */
  let told: readonly number[] | undefined;

  const showCrisis = (screening: ScreeningResult | undefined, focus: boolean) => {
    if (!screening?.risk.high) return show(crisisSlot);
    const notice = crisisNotice(screening.risk.reasons);
    show(crisisSlot, notice);
    if (focus) focusView(notice);
  };

  async function load(): Promise<void> {
    show(body, txt('p', ui.loading));
    const path = `/api/provider/applications/${encodeURIComponent(applicationId)}/sessions`;
    const [list, caseload] = await Promise.all([session.api<SessionList>('GET', path), session.api<{ cases: CaseloadEntry[] }>('GET', '/api/provider/caseload')]);
    if (!list || !caseload) return;
    if (!list.ok) return show(body, h('p', { class: 'error', role: 'alert' }, list.problem.message));
    const entry = caseload.ok ? caseload.body.cases.find((c) => c.applicationId === applicationId) : undefined;
    if (entry?.person.name) show(heading, sx.sessionsOf(entry.person.name));
    sessions = list.body.sessions;
    counts = { held: list.body.sessionsHeld, planned: list.body.sessionsPlanned };
    told = list.body.caseManagerTold.at(-1)?.sessions;
    render(entry);
    showCrisis(latestScreening(sessions), false);
  }

  function render(entry: CaseloadEntry | undefined, saved?: { sessionId: string; message: Text }): void {
    const today = seoulToday();
    const recordable = entry?.status === 'in-service';
    const context: SessionCardContext = {
      applicationId,
      today,
      recordable,
      api: session.api,
      reload: () => void load(),
      saved(answer: RecordAnswer) {
        sessions = sessions.map((s) =>
          s.sessionId === answer.sessionId ? { ...s, record: answer.record, history: s.record ? [...s.history, s.record] : s.history } : s,
        );
        counts = { held: answer.sessionsHeld, planned: answer.sessionsPlanned };
        if (answer.caseManagerTold) told = trailingNoShowRun(sessions).map((s) => s.number);
        const recorded = sessions.find((s) => s.sessionId === answer.sessionId)!;
        const scores = answer.screening ?? answer.record.screening;
        const what = recordText(answer.record);
        const message = scores ? { ko: `${what.ko} · ${screeningText(scores).ko}`, en: `${what.en} · ${screeningText(scores).en}` } : what;
        render(entry, { sessionId: answer.sessionId, message: sx.saved(recorded.number, message) });
        if (scores?.risk.high) return showCrisis(scores, true);
        // A corrected test can lift it: the latest test decides, as when the page opens.
        showCrisis(latestScreening(sessions), false);
        const said = body.querySelector<HTMLElement>(`[data-session="${answer.sessionId}"] .session-result .success`);
        if (said) focusView(said);
      },
    };
    const next = nextToRecord(sessions);
    const jump = next && recordable ? h('button', { type: 'button', class: 'link', id: 'jump-to-next' }, sx.sessionN(next.number), ' · ', dayText(expectedDay(next))) : null;
    jump?.addEventListener('click', () => {
      const card = body.querySelector<HTMLElement>(`[data-session="${next!.sessionId}"]`);
      card?.scrollIntoView({ block: 'start' });
      card?.querySelector<HTMLButtonElement>('[data-action="open-record"]')?.click();
    });
    show(
      body,
      h(
        'dl',
        { class: 'facts' },
        txt('dt', ui.service),
        h('dd', {}, entry ? entry.programme.name : none, entry?.serviceType ? h('span', { class: 'hint' }, ' · ', entry.serviceType.label) : null),
        txt('dt', ui.counsellor),
        h('dd', {}, entry ? (entry.counsellor.name ?? entry.counsellor.counsellorId) : none),
        txt('dt', sx.count),
        h('dd', { id: 'sessions-count', 'aria-live': 'polite' }, countText(counts.held, counts.planned)),
        recordable ? txt('dt', sx.nextToRecord) : null,
        recordable ? h('dd', {}, jump ?? sx.allRecorded) : null,
      ),
      recordable ? null : txt('p', sx.notRecordable, { class: 'notice' }),
      told ? txt('p', sx.caseManagerTold(told), { class: 'notice', id: 'case-manager-told', role: 'status' }) : null,
      txt('h2', sx.plan, { id: 'plan-heading' }),
      h('ol', { class: 'session-list', 'aria-labelledby': 'plan-heading' }, ...sessions.map((s) => sessionCard(s, context, saved?.sessionId === s.sessionId ? saved.message : undefined))),
    );
  }

  void load();
  return { element, heading };
}
