/**
 * The case-manager console: sign in, see the open tasks of your districts (a page at a time), open an
 * application (its answers as the form asked them, the masked RRN, the eligibility explanation,
 * provider matching, its tasks with who decided them and their notes), claim and decide a task, and
 * read the audit trail. One module per view in `staff/`; this file only routes between them.
 */
import { setUpLanguage } from './lib/i18n';
import { showApplication } from './staff/case-file';
import { onSignedOut, showWho, token } from './staff/session';
import { showSignIn } from './staff/sign-in';
import { showTasks } from './staff/task-queue';
import { ui } from './staff/texts';

setUpLanguage(ui.title);
onSignedOut((reason) => showSignIn(reason, route));

/* Routing: #/tasks, #/applications/{id} */
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#/') || location.hash === '') route();
});
showWho();
route();

function route(): void {
  if (!token()) return showSignIn(undefined, route);
  const application = /^#\/applications\/([A-Za-z0-9]+)$/.exec(location.hash)?.[1];
  if (application) void showApplication(application);
  else void showTasks();
}
