/**
 * The provider portal: agency staff sign in, answer the offers waiting for their agency (accept, or
 * decline with a reason), and see their current caseload. Each view is a module of `provider/`; the
 * API shows them their own agency's people only, and only what serving them needs.
 */
import { byId, focusView, show, txt } from './lib/dom';
import { setUpLanguage } from './lib/i18n';
import { staffSession } from './lib/staff-session';
import { caseloadView } from './provider/caseload-view';
import { offersView } from './provider/offers-view';
import { ui } from './provider/text';

const app = byId('app');
setUpLanguage(ui.title);

const session = staffSession({
  tokenKey: 'dolbom.provider.idToken',
  app,
  who: byId('who'),
  signOutButton: byId<HTMLButtonElement>('sign-out'),
  onSignedIn: showPortal,
});

function showPortal(): void {
  if (!session.token()) return session.showSignIn();
  const heading = txt('h1', ui.heading);
  show(app, heading, offersView(session), caseloadView(session));
  focusView(heading);
}

showPortal();
