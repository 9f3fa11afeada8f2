/**
 * The console's sign-in session (web/src/lib/staff-session.ts, shared with the provider portal):
 * the ID token in sessionStorage, sent with every staff API call and renewed silently through the
 * day; the session ends when a renewal is refused (or a 401 survives one).
 */
import { byId } from '../lib/dom';
import { staffSession } from '../lib/staff-session';
import { app } from './page';

let afterSignIn: () => void = () => {};

export const session = staffSession({
  page: 'staff',
  tokenKey: 'dolbom.staff.idToken',
  app,
  who: byId('who'),
  signOutButton: byId<HTMLButtonElement>('sign-out'),
  onSignedIn: () => afterSignIn(),
  showGroups: true,
});

/** What the console shows once someone signs in (its router). */
export function onSignedIn(route: () => void): void {
  afterSignIn = route;
}

/** A staff API call; the token is renewed first when due, and a 401 renews once before the session ends. */
export const staffApi = session.api;
