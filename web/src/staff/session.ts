/**
 * The signed-in staff member: the ID token lives in sessionStorage (gone when the tab closes); every
 * staff API call sends it, and a 401 ends the session.
 */
import type { Text } from '../../../forms/i18n';
import { callApi, type ApiResult } from '../lib/api';
import { byId } from '../lib/dom';
import { ui } from './texts';

const TOKEN_KEY = 'dolbom.staff.idToken';

const who = byId('who');
const signOutButton = byId<HTMLButtonElement>('sign-out');

let whenSignedOut: (reason?: Text) => void = () => {};

/** What the page does once the session ends (show the sign-in form). */
export function onSignedOut(handler: (reason?: Text) => void): void {
  whenSignedOut = handler;
}

export function token(): string | null {
  const value = sessionStorage.getItem(TOKEN_KEY);
  if (!value) return null;
  const exp = claimsOf(value)?.exp;
  if (typeof exp === 'number' && exp * 1000 < Date.now()) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return value;
}

export function startSession(idToken: string): void {
  sessionStorage.setItem(TOKEN_KEY, idToken);
  showWho();
}

/** The token's claims, for display only: the API verifies the signature. */
function claimsOf(jwt: string): Record<string, unknown> | undefined {
  try {
    const payload = jwt.split('.')[1] ?? '';
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function showWho(): void {
  const current = token();
  const claims = current ? claimsOf(current) : undefined;
  signOutButton.hidden = !current;
  const groups = claims?.['cognito:groups'];
  who.textContent = claims ? `${String(claims.name ?? claims.sub ?? '')}${Array.isArray(groups) ? ` · ${groups.join(', ')}` : ''}` : '';
}

export function signOut(reason?: Text): void {
  sessionStorage.removeItem(TOKEN_KEY);
  showWho();
  whenSignedOut(reason);
}

signOutButton.addEventListener('click', () => {
  signOut();
  history.replaceState(null, '', location.pathname);
});

/** A staff API call; a 401 ends the session and asks to sign in again. */
export async function staffApi<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T> | undefined> {
  const current = token();
  if (!current) {
    signOut(ui.expired);
    return undefined;
  }
  const result = await callApi<T>(method, path, { body, headers: { authorization: `Bearer ${current}` } });
  if (!result.ok && result.status === 401) {
    signOut(ui.expired);
    return undefined;
  }
  return result;
}
