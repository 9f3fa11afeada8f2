/**
 * The supervisors' page (#/supervision[/accepted|/advised]): requests of every district in one state,
 * a page at a time — open ones most urgent first, to take on; arranged ones by session day, to advise;
 * advised ones newest first. Each links to its case.
 */
import { supervisionStateLabels, supervisionStates, type SupervisionState } from '../../../functions/supervision/labels';
import type { SupervisionView } from '../../../functions/supervision/view';
import { append, focusView, h, show, txt } from '../lib/dom';
import { app, problemView } from './page';
import { session, staffApi } from './session';
import { acceptanceForm, adviceForm } from './supervision-forms';
import { supervisionRecord } from './supervision-record';
import { sv } from './supervision-texts';
import { districtText, programmeName, ui } from './texts';

interface SupervisionPage {
  requests: SupervisionView[];
  next?: string;
}

export function supervisionStateOf(hash: string): SupervisionState | undefined {
  const state = /^#\/supervision(?:\/(accepted|advised))?$/.exec(hash);
  return state ? ((state[1] as SupervisionState | undefined) ?? 'open') : undefined;
}

export async function showSupervision(state: SupervisionState): Promise<void> {
  const heading = txt('h1', sv.pageHeading);
  const tabs = h(
    'nav',
    { class: 'toolbar', 'aria-label': 'supervision states' },
    ...supervisionStates.map((s) =>
      h('a', { href: s === 'open' ? '#/supervision' : `#/supervision/${s}`, class: 'button secondary', 'aria-current': s === state ? 'page' : undefined }, supervisionStateLabels[s]),
    ),
  );
  const list = h('div', { id: 'supervision-list', 'aria-live': 'polite' }, txt('p', ui.loading));
  show(app, h('p', {}, h('a', { href: '#/tasks' }, ui.backToTasks)), heading, tabs, list);
  focusView(heading);
  const reload = () => void showSupervision(state);
  const me = String(session.claims()?.sub ?? '');
  const card = (request: SupervisionView) =>
    supervisionRecord(
      request,
      h('p', {}, h('a', { href: `#/applications/${request.applicationId}` }, sv.case, ' ', request.receiptNumber), ' · ', programmeName(request.programme), ' · ', districtText(request.district)),
      request.state === 'open' ? acceptanceForm(request, reload) : null,
      request.state === 'accepted' && request.acceptance?.by === me ? adviceForm(request, reload) : null,
    );
  const load = async (cursor?: string) => {
    const query = `state=${state}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    return staffApi<SupervisionPage>('GET', `/api/staff/supervision?${query}`);
  };
  const first = await load();
  if (!first) return;
  if (!first.ok) return show(list, problemView(first));
  if (!first.body.requests.length) return show(list, txt('p', sv.noneInState));
  const cards = h('div', {}, ...first.body.requests.map(card));
  let next = first.body.next;
  const more = h('button', { type: 'button', class: 'secondary', id: 'more-supervision' }, ui.more);
  more.hidden = !next;
  more.addEventListener('click', async () => {
    const page = next ? await load(next) : undefined;
    if (!page) return;
    if (!page.ok) return append(list, problemView(page));
    append(cards, ...page.body.requests.map(card));
    next = page.body.next;
    more.hidden = !next;
  });
  show(list, cards, h('div', { class: 'actions' }, more));
}
