/**
 * The citizen portal's entry: it only routes. `?programme=<id>[&step=<section>]` is a programme's
 * application in steps (citizen/application.ts), anything else the list of programmes
 * (citizen/chooser.ts). Each view is loaded when first shown, and the application loads only its own
 * programme's definition (forms/loaders.ts), so opening a form does not download the others.
 * Another page hands answers over to a form with `handOver` (citizen/handoff.ts) before opening it.
 */
import { isLoadableProgramme, loadProgramme } from '../../forms/loaders';
import type { Text } from '../../forms/i18n';
import type { ApplicationView } from './citizen/application';
import { byId, h } from './lib/dom';
import { setUpLanguage } from './lib/i18n';

const ui = {
  title: { ko: '돌봄 — 서울시 사회서비스 신청', en: 'Dolbom — apply for Seoul social services' },
  back: { ko: '← 다른 사업 고르기', en: '← Choose another programme' },
} as const;

const app = byId('app');
setUpLanguage(ui.title);
/** The address the view was rendered for: following '#main' or another in-page link keeps the view. */
let rendered = '';
let view: ApplicationView | undefined;
/** Counts routes, so a view that finishes loading after the person moved on is not shown. */
let routes = 0;
let first = true;

window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== rendered) void route();
});
void route();

async function route(): Promise<void> {
  const current = ++routes;
  rendered = location.pathname + location.search;
  const params = new URLSearchParams(location.search);
  const id = params.get('programme');
  const place = { step: params.get('step'), then: params.get('then') };
  const focus = !first;
  first = false;
  if (id && isLoadableProgramme(id)) {
    if (view?.programme === id && !view.finished) return view.show(place);
    const [{ startApplication }, programme] = await Promise.all([import('./citizen/application'), loadProgramme(id)]);
    if (current !== routes) return;
    view = startApplication(app, programme, place, { go, chooserLink: viewLink(null, ui.back) });
    rendered = location.pathname + location.search;
    return;
  }
  view = undefined;
  const { showChooser } = await import('./citizen/chooser');
  if (current === routes) showChooser(app, viewLink, focus);
}

function go(search: string, mode: 'push' | 'replace' = 'push'): void {
  history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', search || location.pathname);
  void route();
}

/** A link that is a real link (new tab, copy) but changes the view in place. */
function viewLink(programme: string | null, label: Text, attributes: Record<string, string> = {}): HTMLAnchorElement {
  const search = programme ? `?programme=${encodeURIComponent(programme)}` : '';
  const link = h('a', { href: search || '?', ...attributes }, label);
  link.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(search);
  });
  return link;
}
