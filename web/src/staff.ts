/**
 * The case-manager console: sign in, see the open tasks of your districts (a page at a time), open an
 * application (its answers as the form asked them, the masked RRN, the eligibility explanation,
 * provider matching, its tasks with who decided them and their notes), claim and decide a task, and
 * read the audit trail; download a district's monthly settlement ledger; ask for, arrange and record
 * supervision of hard cases; decide several review tasks at once and follow the job; see the dashboard
 * of their districts; list the notifications that could not be sent and send them again; resume an
 * application stopped on a processing error (supervisors, and operators on a page of its own). One module
 * per view in `staff/`; this file only routes between them.
 */
import { setUpLanguage } from './lib/i18n';
import { bulkJobOf, showBulkJob } from './staff/bulk-job-view';
import { showApplication } from './staff/case-file';
import { showLedgerExport } from './staff/ledger-export';
import { showFailedNotifications } from './staff/notifications-page';
import { showOperatorCase } from './staff/operator-case';
import { onSignedIn, session } from './staff/session';
import { showSupervision, supervisionStateOf } from './staff/supervision-page';
import { showTasks } from './staff/task-queue';
import { ui } from './staff/texts';

setUpLanguage(ui.title);
onSignedIn(route);

/* Routing: #/tasks, #/applications/{id}, #/bulk/{jobId}, #/ledger, #/supervision[/accepted|/advised], #/dashboard[/{district}], #/notifications */
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#/') || location.hash === '') route();
});
route();

function route(): void {
  if (!session.token()) return void session.showSignIn();
  const application = /^#\/applications\/([A-Za-z0-9]+)$/.exec(location.hash)?.[1];
  const dashboard = /^#\/dashboard(?:\/(\d{5}))?$/.exec(location.hash);
  // An operator opens no case file: the application's lifecycle, and its resume when it stopped on an error.
  if (application) void (operatorOnly() ? showOperatorCase(application) : showApplication(application));
  else if (bulkJobOf(location.hash)) void showBulkJob(bulkJobOf(location.hash)!);
  else if (location.hash === '#/ledger') showLedgerExport();
  else if (location.hash === '#/notifications') void showFailedNotifications();
  else if (supervisionStateOf(location.hash)) void showSupervision(supervisionStateOf(location.hash)!);
  else if (dashboard || (location.hash === '' && operatorOnly())) void showDashboard(dashboard?.[1]);
  else void showTasks();
}

/**
 * The dashboard and its chart library are loaded only when it is opened, so the other views stay
 * as small as they were.
 */
async function showDashboard(district: string | undefined): Promise<void> {
  const page = await import('./staff/dashboard/dashboard-page');
  await page.showDashboard(district);
}

/** An operator has no work queue: their console opens on the dashboard. */
function operatorOnly(): boolean {
  const groups = session.claims()?.['cognito:groups'];
  return Array.isArray(groups) && groups.includes('operator') && !groups.includes('caseworker') && !groups.includes('supervisor');
}
