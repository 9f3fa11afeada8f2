/**
 * The console's sign-in session (web/src/lib/staff-session.ts, shared with the provider portal):
 * the ID token in sessionStorage, sent with every staff API call; a 401 ends the session.
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

/** A staff API call; a 401 ends the session and asks to sign in again. */
export const staffApi = session.api;
