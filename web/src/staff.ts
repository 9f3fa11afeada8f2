/**
 * The case-manager console: sign in, see the open tasks of your districts (a page at a time), open an
 * application (its answers as the form asked them, the masked RRN, the eligibility explanation,
 * provider matching, its tasks with who decided them and their notes), claim and decide a task, and
 * read the audit trail; download a district's monthly settlement ledger; ask for, arrange and record
 * supervision of hard cases; list the notifications that could not be sent and send them again.
 * One module per view in `staff/`; this file only routes between them.
 */
import { setUpLanguage } from './lib/i18n';
import { showApplication } from './staff/case-file';
import { showLedgerExport } from './staff/ledger-export';
import { showFailedNotifications } from './staff/notifications-page';
import { onSignedIn, session } from './staff/session';
import { showSupervision, supervisionStateOf } from './staff/supervision-page';
import { showTasks } from './staff/task-queue';
import { ui } from './staff/texts';

setUpLanguage(ui.title);
onSignedIn(route);

/* Routing: #/tasks, #/applications/{id}, #/ledger, #/supervision[/accepted|/advised], #/notifications */
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#/') || location.hash === '') route();
});
route();

function route(): void {
  if (!session.token()) return session.showSignIn();
  const application = /^#\/applications\/([A-Za-z0-9]+)$/.exec(location.hash)?.[1];
  if (application) void showApplication(application);
  else if (location.hash === '#/ledger') showLedgerExport();
  else if (location.hash === '#/notifications') void showFailedNotifications();
  else if (supervisionStateOf(location.hash)) void showSupervision(supervisionStateOf(location.hash)!);
  else void showTasks();
}
