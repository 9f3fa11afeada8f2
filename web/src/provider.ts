/**
 * The provider portal: agency staff sign in, answer the offers waiting for their agency (accept, or
 * decline with a reason), see their current caseload, and record the sessions of a person they serve.
 * Each view is a module of `provider/`; this file only routes (`#/`, `#/caseload`, `#/sessions/{applicationId}`).
 * The API shows them their own agency's people only, and only what serving them needs.
 */
import { byId, focusView, show, txt } from './lib/dom';
import { setUpLanguage } from './lib/i18n';
import { staffSession } from './lib/staff-session';
import { caseloadView } from './provider/caseload-view';
import { offersView } from './provider/offers-view';
import { sessionsView } from './provider/sessions-view';
import { ui } from './provider/text';

const app = byId('app');
setUpLanguage(ui.title);

const session = staffSession({
  page: 'provider',
  tokenKey: 'dolbom.provider.idToken',
  app,
  who: byId('who'),
  signOutButton: byId<HTMLButtonElement>('sign-out'),
  onSignedIn: route,
});

function route(): void {
  if (!session.token()) return void session.showSignIn();
  const sessionsOf = /^#\/sessions\/([A-Za-z0-9]+)$/.exec(location.hash)?.[1];
  if (sessionsOf) {
    const view = sessionsView(session, sessionsOf);
    show(app, view.element);
    return focusView(view.heading);
  }
  const heading = txt('h1', ui.heading);
  const caseload = caseloadView(session);
  show(app, heading, offersView(session), caseload);
  // Back from a person's sessions: to the caseload they were opened from, below the offers.
  if (location.hash === '#/caseload') focusView(caseload.querySelector('h2')!);
  else focusView(heading);
}

window.addEventListener('hashchange', route);
route();
