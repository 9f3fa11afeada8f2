/** The sign-in form (the local cloud's issuer of Cognito-shaped ID tokens). */
import type { Text } from '../../../forms/i18n';
import { callApi } from '../lib/api';
import { h, show, txt } from '../lib/dom';
import { app } from './page';
import { startSession } from './session';
import { ui } from './texts';

const SIGN_IN_PATH = '/local/auth/sign-in';

export function showSignIn(reason: Text | undefined, onSignedIn: () => void): void {
  const username = h('input', { id: 'username', name: 'username', type: 'text', autocomplete: 'username', 'aria-required': 'true', spellcheck: 'false', autocapitalize: 'none' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', 'aria-required': 'true' });
  const status = h('div', { role: 'status', id: 'sign-in-status' }, reason ? h('p', { class: 'error' }, reason) : null);
  const heading = txt('h1', ui.signIn);
  const form = h(
    'form',
    { id: 'sign-in-form', class: 'card narrow', novalidate: true },
    heading,
    h('div', { class: 'field' }, h('label', { for: 'username' }, ui.username), username),
    h('div', { class: 'field' }, h('label', { for: 'password' }, ui.password), password),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, ui.signIn)),
    status,
  );
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!username.value.trim() || !password.value) return show(status, h('p', { class: 'error' }, ui.fillBoth));
    busy = true;
    show(status, ui.signingIn);
    const result = await callApi<{ idToken?: string }>('POST', SIGN_IN_PATH, { body: { username: username.value.trim(), password: password.value } });
    busy = false;
    if (result.ok && result.body.idToken) {
      startSession(result.body.idToken);
      onSignedIn();
      return;
    }
    password.value = '';
    show(status, h('p', { class: 'error', role: 'alert' }, result.ok || result.status === 401 ? ui.badCredentials : result.problem.message));
  });
  show(app, form);
  username.focus();
}
