const APPLICATION_SK = 'APPLICATION';

/**
 * The single table's key layout, in one place. Everything about one application lives under its
 * partition (application, audit trail, tasks, sessions, outbox), so reading an application and
 * its history is one Query; cross-application lists go through GSI1, and the one list that needs a
 * second order of the same items through GSI2.
 *
 * The work queue (functions/review/queue-*.ts) reads only these, never a Scan:
 * - a district's tasks by due date: GSI1 `TASKS#<district>`, sort `<state>#<slaDueAt>#<taskId>`
 *   (overdue = the key range `open#` … `open#<now>`);
 * - a district's tasks by received date: GSI2 `TASKS#<district>`, sort `<state>#<receivedAt>#<taskId>`;
 * - programme, kind, assignee: a filter on those Queries (a district's open tasks are a bounded set);
 * - a receipt number: the `RECEIPT#<n>` item (GetItem), then the application's partition;
 * - an applicant's name: the `APPLICANT-NAME` item of each application, GSI1
 *   `APPLICANT-NAME#<keyed hash of the normalised full name>`, sort `<district>#<createdAt>#<applicationId>`
 *   (functions/applications/applicant-name.ts says why a keyed hash and not the name);
 * - the supervisor's counts: one projected Query per district of `TASKS#<district>`, `open#…`.
 */
export const keys = {
  application: (id: string) => ({ pk: `APP#${id}`, sk: APPLICATION_SK }),
  /** The sort key of an application item, and only of one: what the table stream's trigger filters on. */
  applicationSortKey: APPLICATION_SK,
  /** The application id in an application item's partition key, if it is one. */
  applicationIdOf: (pk: string) => (pk.startsWith('APP#') ? pk.slice('APP#'.length) : undefined),
  receipt: (receiptNumber: string) => ({ pk: `RECEIPT#${receiptNumber}`, sk: 'RECEIPT' }),
  idempotency: (key: string) => ({ pk: `IDEMPOTENCY#${key}`, sk: 'IDEMPOTENCY' }),
  audit: (applicationId: string, at: string, eventId: string) => ({ pk: `APP#${applicationId}`, sk: `AUDIT#${at}#${eventId}` }),
  auditPrefix: 'AUDIT#',
  task: (applicationId: string, taskId: string) => ({ pk: `APP#${applicationId}`, sk: `TASK#${taskId}` }),
  taskPrefix: 'TASK#',
  /** Sessions of one period, recorded by providers: `SESSION#p<period>#<sessionId>`. */
  sessionPrefix: (period: number) => `SESSION#p${period}#`,
  /** The token of the workflow's wait on one service period (never on the application, which people see). */
  periodWait: (applicationId: string, period: number) => ({ pk: `APP#${applicationId}`, sk: `PERIOD-WAIT#p${period}` }),
  /**
   * "This application has a held session in this month": one item per application and Seoul month,
   * written with the session record, so the settlement export finds a district's month by a Query on
   * GSI1 (`districtLedgerMonth`) — see functions/ledger/ledger-month-store.ts for why.
   */
  ledgerMonth: (applicationId: string, month: string) => ({ pk: `APP#${applicationId}`, sk: `LEDGER-MONTH#${month}` }),
  /** One supplement round (보완 요청) of an application, holding the token of the workflow's wait for the citizen. */
  supplement: (applicationId: string, round: number) => ({ pk: `APP#${applicationId}`, sk: `SUPPLEMENT#r${String(round).padStart(3, '0')}` }),
  supplementPrefix: 'SUPPLEMENT#',
  /** A request for supervision of the case (통합사례관리 슈퍼비전), the case's n-th: `SUPERVISION#s<nnn>`. */
  supervision: (applicationId: string, sequence: number) => ({ pk: `APP#${applicationId}`, sk: `SUPERVISION#s${String(sequence).padStart(3, '0')}` }),
  supervisionPrefix: 'SUPERVISION#',
  /**
   * A case note (사례 기록, functions/case-notes/), by when the contact happened, then when it was written:
   * `NOTE#<occurredAt>#<recordedAt>#<noteId>`, so the notes of a case read newest first in one Query, a
   * page at a time, and two contacts of the same minute in the order they were written down.
   */
  caseNote: (applicationId: string, occurredAt: string, recordedAt: string, noteId: string) => ({
    pk: `APP#${applicationId}`,
    sk: `NOTE#${occurredAt}#${recordedAt}#${noteId}`,
  }),
  caseNotePrefix: 'NOTE#',
  /** Which note an author's idempotency key wrote (its sort key and fingerprint): a retry finds it by key. */
  caseNoteKey: (applicationId: string, noteId: string) => ({ pk: `APP#${applicationId}`, sk: `NOTE-KEY#${noteId}` }),
  notification: (applicationId: string, key: string) => ({ pk: `APP#${applicationId}`, sk: `NOTIFICATION#${key}` }),
  /** Every outbox item's sort key starts so: what the sender's stream filter passes. */
  notificationPrefix: 'NOTIFICATION#',
  /**
   * Which dashboard counter an item (the application, one of its sessions) is counted in now:
   * `COUNTED#<the item's sort key>`, beside the item (functions/dashboard/count-store.ts says why).
   */
  countedMarker: (applicationId: string, itemSortKey: string) => ({ pk: `APP#${applicationId}`, sk: `COUNTED#${itemSortKey}` }),
  /** Every session item's sort key starts so. */
  sessionItemPrefix: 'SESSION#',
  /** Registry: an agency and its counsellors share the agency's partition. */
  agency: (agencyId: string) => ({ pk: `AGENCY#${agencyId}`, sk: 'AGENCY' }),
  counsellor: (agencyId: string, counsellorId: string) => ({ pk: `AGENCY#${agencyId}`, sk: `COUNSELLOR#${counsellorId}` }),
  counsellorPrefix: 'COUNSELLOR#',
  /** Who changed what in an agency's registry entry (its counsellors included), under the agency. */
  agencyAudit: (agencyId: string, at: string, eventId: string) => ({ pk: `AGENCY#${agencyId}`, sk: `AUDIT#${at}#${eventId}` }),
  /** A place a counsellor holds for an application (offered or in service), under the agency: its caseload. */
  place: (agencyId: string, counsellorId: string, applicationId: string) => ({ pk: `AGENCY#${agencyId}`, sk: `PLACE#${counsellorId}#${applicationId}` }),
  placePrefix: 'PLACE#',
  /** An offer of a place to an agency (a task with a token), under the application. */
  offer: (applicationId: string, offerId: string) => ({ pk: `APP#${applicationId}`, sk: `OFFER#${offerId}` }),
  offerPrefix: 'OFFER#',
  /** The application's place on the waiting list, holding the task token the batch answers. */
  waitlistEntry: (applicationId: string) => ({ pk: `APP#${applicationId}`, sk: 'WAITLIST' }),
  /**
   * "A place may have freed": one item per event, only ever inserted, with this exact sort key so the
   * table stream's filter wakes the waitlist batch for it and nothing else. Expires after a week.
   */
  capacitySignal: (eventId: string) => ({ pk: `CAPACITY#${eventId}`, sk: 'CAPACITY-SIGNAL' }),
  capacitySignalSortKey: 'CAPACITY-SIGNAL',
  /** The applicant-name search item of one application (functions/applications/applicant-name.ts). */
  applicantNameEntry: (applicationId: string) => ({ pk: `APP#${applicationId}`, sk: 'APPLICANT-NAME' }),
  /** Wrong access codes counted against one client or one application (functions/status/guessing-limits.ts). */
  guessCounter: (scope: 'client' | 'application', id: string) => ({ pk: `GUESSES#${scope}#${id}`, sk: 'GUESSES' }),
  /**
   * One staff access to a person's data (functions/access-log/): its own partition per case, outside
   * the application's, so the log outlives the case file and reading the case never pages through it.
   */
  accessRecord: (applicationId: string, at: string, accessId: string) => ({ pk: `ACCESS#${applicationId}`, sk: `${at}#${accessId}` }),
  accessOfApplication: (applicationId: string) => `ACCESS#${applicationId}`,
  /** GSI1 partitions. */
  districtApplications: (district: string) => `DISTRICT#${district}`,
  /** A district's tasks, in GSI1 by due date and in GSI2 by received date (see above). */
  districtTasks: (district: string) => `TASKS#${district}`,
  /** Applications whose applicant has one name (as a keyed hash); sort key `<district>#<createdAt>#<applicationId>`. */
  applicantName: (nameHash: string) => `APPLICANT-NAME#${nameHash}`,
  /**
   * The dashboard's counters of one district (functions/dashboard/): sort key
   * `application#<programme>#<status>` or `sessions#<YYYY-MM>#<outcome>`, attribute `count`.
   */
  districtCounts: (district: string) => `COUNTS#${district}`,
  /** Every agency; sort key `<district>#<agencyId>`. */
  agencies: 'AGENCIES',
  /** Every counsellor; sort key `<agencyId>#<counsellorId>`. */
  counsellors: 'COUNSELLORS',
  /** An agency's offers; sort key `<state>#<dueAt>#<offerId>`. */
  agencyOffers: (agencyId: string) => `AGENCY-OFFERS#${agencyId}`,
  /** Every waiting application of a programme; sort key `<waitingSince>#<applicationId>`. */
  waitlist: (programme: string) => `WAITLIST#${programme}`,
  /** Applications of a district with a held session in a month ('YYYY-MM', Seoul); sort key the application id. */
  districtLedgerMonth: (district: string, month: string) => `LEDGER#${district}#${month}`,
  /** Audit events of reads that span a district rather than one application (a settlement export). */
  districtAudit: (district: string, at: string, eventId: string) => ({ pk: `DISTRICT-AUDIT#${district}`, sk: `AUDIT#${at}#${eventId}` }),
  /** Notifications that could not be delivered, per district; sort key `<failedAt>#<applicationId>#<key>`. */
  failedNotifications: (district: string) => `NOTIFICATIONS-FAILED#${district}`,
  /** Every access record of one staff member; sort key `<at>#<accessId>`, as the record's own. */
  accessByStaff: (userId: string) => `ACCESS-BY#${userId}`,
  /** Supervision requests of every district in one state; sort key from functions/supervision/supervision.ts `listingKey`. */
  supervisionRequests: (state: string) => `SUPERVISION#${state}`,
  /** Every access denial of one (UTC) day, unknown receipts and ids included. */
  accessDenied: (day: string) => `ACCESS-DENIED#${day}`,
  /** A bulk decision job (functions/bulk-decisions/): who asked, what, and each case's result, in one item. */
  bulkJob: (jobId: string) => ({ pk: `BULK-JOB#${jobId}`, sk: 'BULK-JOB' }),
};
