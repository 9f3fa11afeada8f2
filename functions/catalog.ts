/**
 * Every Lambda handler Dolbom deploys: where its code is and what it may touch. CDK builds one
 * function per entry and grants exactly `access`; the local cloud loads the same entries in-process.
 */
/** DynamoDB reads, by their IAM action names. */
export type TableRead = 'GetItem' | 'BatchGetItem' | 'Query';
/** DynamoDB item writes, by their IAM action names: a transaction needs the action of each item it holds. */
export type TableWrite = 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';
/** The table's indexes (infra/data-stack.ts). */
export type TableIndex = 'gsi1' | 'gsi2';
/**
 * Partitions (key prefixes, functions/applications/keys.ts) a reading function may write into: an
 * application's audit events (`APP#`, beside its other items), access records (`ACCESS#`), a
 * district's audit events (`DISTRICT-AUDIT#`) and the citizen routes' guess counters (`GUESSES#`).
 */
export type AuditPartition = 'APP#' | 'ACCESS#' | 'DISTRICT-AUDIT#' | 'GUESSES#';

/**
 * What a function does with the single table, action by action; CDK grants exactly this (on the
 * table, and Query on the indexes named), and the local cloud refuses any other call
 * (infra/local/table-policy.ts), so a function that starts calling something new fails its tests.
 */
export interface TableAccess {
  reads?: readonly TableRead[];
  /** The indexes it queries. */
  indexes?: readonly TableIndex[];
  /** Writes anywhere in the table: the functions whose job is to change cases, the registry or the workflow's items. */
  writes?: readonly TableWrite[];
  /**
   * Writes confined to partitions (an IAM condition on dynamodb:LeadingKeys): the read routes, which
   * write only their audit trail, access records and guess counters. IAM sees partition keys only:
   * an audit event shares its application's partition, so keeping it from overwriting the application
   * item is the write's own condition (attribute_not_exists), not the policy's.
   */
  scopedWrites?: Partial<Record<TableWrite, readonly AuditPartition[]>>;
}

export interface HandlerAccess {
  /** Single-table access, action by action. */
  table?: TableAccess;
  /** May start lifecycle executions (a stored application's first, an extension's next). */
  startsLifecycle?: boolean;
  /** May start bulk decision jobs (workflows/bulk-decisions.ts), and nothing else. */
  startsBulkDecisions?: true;
  /**
   * Task tokens: 'answer' a case manager's decision (success, failure, heartbeat), only 'succeed'
   * (a bulk decision's case: the decision and nothing else), only 'heartbeat', or only 'fail' them (an
   * early closure's `Dolbom.ClosingEarly`: it never decides anything).
   */
  taskTokens?: 'answer' | 'succeed' | 'heartbeat' | 'fail';
  /** Reads the histories of the lifecycle's executions (states:GetExecutionHistory on them, nothing else). */
  readsExecutions?: true;
  /** Invoked by the table's stream with one kind of item change (infra/constructs/table-stream-trigger.ts). */
  tableStream?: 'new-applications' | 'capacity-signals' | 'notifications' | 'counted-items';
  /** Envelope encryption of personal identifiers. */
  dataKey?: 'encrypt' | 'decrypt' | 'both';
  /**
   * Hashes or checks citizen access codes, or hashes applicant names for the name index: derives the
   * HMAC keys once per cold start (kms:GenerateMac on the access-code key, one label per purpose).
   */
  accessCodes?: true;
  /** Sends SMS (sns:Publish to phone numbers) and e-mail (ses:SendEmail from the stage's address). */
  sendsMessages?: true;
  /**
   * The documents bucket, under `applications/`: 'upload' presigns the citizen's PUTs, 'check' reads
   * what was uploaded (HeadObject, its first bytes), 'read' presigns a case manager's GET.
   */
  documents?: 'upload' | 'check' | 'read';
}

/** Lambda timeout of a function whose entry names none. */
export const DEFAULT_TIMEOUT_SECONDS = 10;

export interface HandlerSpec {
  entry: string;
  description: string;
  access: HandlerAccess;
  timeoutSeconds?: number;
  /** Run on a schedule (an EventBridge rule in AWS; not run by the local cloud, which has no scheduler). */
  schedule?: { everyMinutes: number };
}

export const handlers = {
  // HTTP API
  prescreenEligibility: {
    entry: 'functions/eligibility/prescreen.ts',
    description: 'Pre-screens eligibility without storing anything',
    access: {},
  },
  submitApplication: {
    entry: 'functions/submission/submit-application.ts',
    description: 'Stores a citizen application and starts its lifecycle',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] }, startsLifecycle: true, dataKey: 'both', accessCodes: true },
  },
  getApplicationStatus: {
    entry: 'functions/status/get-application-status.ts',
    description: "Shows a citizen their application's status and timeline",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#'], UpdateItem: ['GUESSES#'], ConditionCheckItem: ['GUESSES#'] } }, accessCodes: true },
  },
  lookupApplication: {
    entry: 'functions/status/lookup-application.ts',
    description: 'Finds an application by receipt number and access code',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#'], UpdateItem: ['GUESSES#'], ConditionCheckItem: ['GUESSES#'] } }, accessCodes: true },
  },
  getApplicationForStaff: {
    entry: 'functions/status/get-application-for-staff.ts',
    description: 'Shows staff an application, its eligibility explanation and tasks',
    access: { table: { reads: ['GetItem', 'BatchGetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } } },
  },
  getAuditTrail: {
    entry: 'functions/status/get-audit-trail.ts',
    description: "Shows staff an application's audit trail",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } } },
  },
  getCandidatesForStaff: {
    entry: 'functions/matching/get-candidates-for-staff.ts',
    description: 'Shows staff the live ranking of an application: candidates with scores and reasons',
    // Reads the registry and the application, and writes the read to the audit trail.
    access: { table: { reads: ['GetItem', 'BatchGetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } } },
  },
  getEvidenceForStaff: {
    entry: 'functions/reassessment/get-evidence-for-staff.ts',
    description: "Shows staff a re-assessment's evidence: plan, attendance, pre/post scores, the extension cap",
    // Reads the application and its sessions, and writes the read to the audit trail.
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } } },
  },
  getLifecycleForStaff: {
    entry: 'functions/lifecycle/get-lifecycle-for-staff.ts',
    description: "Shows staff the picture of an application's lifecycle, from its executions' histories",
    // Reads the application (the district check) and the histories; shows no person's data, so writes nothing.
    access: { table: { reads: ['GetItem', 'Query'] }, readsExecutions: true },
  },
  listTasks: {
    entry: 'functions/review/list-tasks.ts',
    description: "The work queue of the caller's districts: filters, sort, paging, search by receipt or name",
    // Writes a search's finds to the audit trail; hashes a searched name with the name-index key.
    access: { table: { reads: ['GetItem', 'BatchGetItem', 'Query'], indexes: ['gsi1', 'gsi2'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } }, accessCodes: true },
  },
  getDashboard: {
    entry: 'functions/dashboard/get-dashboard.ts',
    description: "The dashboard of the caller's districts: applications by status and programme, overdue tasks, the waiting list, sessions by month",
    // Counters, the overdue range of the task index and the waiting list: reads only, and no person's data.
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'] } },
  },
  countTasks: {
    entry: 'functions/review/count-tasks.ts',
    description: 'Counts open, overdue and unassigned tasks per district and kind, for supervisors',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'] } },
  },
  findCasesForStaff: {
    entry: 'functions/status/find-cases-for-staff.ts',
    description: "Finds cases of the caller's districts by receipt number or applicant name, open task or not",
    // Writes each case found to the audit trail; hashes a searched name with the name-index key.
    access: { table: { reads: ['GetItem', 'BatchGetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } }, accessCodes: true },
  },
  decideTask: {
    entry: 'functions/review/decide-task.ts',
    description: 'Records a case manager decision and answers the task token',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] }, taskTokens: 'answer' },
  },
  createBulkDecisions: {
    entry: 'functions/bulk-decisions/create-bulk-decisions.ts',
    description: 'Stores a bulk decision job (several review tasks, one decision and note) and starts it',
    access: { table: { reads: ['GetItem'], writes: ['PutItem', 'UpdateItem'] }, startsBulkDecisions: true },
  },
  getBulkDecisions: {
    entry: 'functions/bulk-decisions/get-bulk-decisions.ts',
    description: "Shows a bulk decision job's progress and each case's result to its creator or their supervisor",
    access: { table: { reads: ['GetItem'] } },
  },
  claimTask: {
    entry: 'functions/review/claim-task.ts',
    description: 'Assigns a task to the caller and sends its heartbeat',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] }, taskTokens: 'heartbeat' },
  },
  exportLedger: {
    entry: 'functions/ledger/export-ledger.ts',
    description: "Exports a district's monthly voucher ledger as CSV for settlement",
    // Reads applications, sessions and the registry; writes the export's audit event.
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#', 'DISTRICT-AUDIT#'] } } },
    // A district's month is a few hundred applications, read 20 at a time: more than the default
    // 10 s may be needed, and still under API Gateway's 30 s so its own 503 answers first.
    timeoutSeconds: 25,
  },
  withdrawApplication: {
    entry: 'functions/closure/withdraw-application.ts',
    description: 'Records a citizen\'s withdrawal (access code checked) and signals the workflow to close',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'] }, accessCodes: true, taskTokens: 'fail' },
  },
  requestEarlyClosure: {
    entry: 'functions/closure/request-closure.ts',
    description: "Records a case manager's early closure with its reason and signals the workflow to close",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] }, taskTokens: 'fail' },
  },
  overrideEligibility: {
    entry: 'functions/eligibility/override-eligibility.ts',
    description: "Records a supervisor's eligibility override and reopens a rules-rejected application's review",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] }, startsLifecycle: true },
  },
  resumeApplication: {
    entry: 'functions/lifecycle/resume-application.ts',
    description: 'Resumes a failed application at the stage it failed in, once its cause is fixed, with the reason',
    // One transaction: the application out of `failed` and its audit event; then the new execution.
    access: { table: { reads: ['GetItem'], writes: ['PutItem', 'UpdateItem'] }, startsLifecycle: true },
  },
  addCaseNote: {
    entry: 'functions/case-notes/add-case-note.ts',
    description: "Writes a case manager's note of a contact on a case (append-only, idempotent by key)",
    // Reads the application (the district check) and, on a retry, the note its key wrote; only inserts
    // (attribute_not_exists) the note, its key item and the audit event, all in the case's partition.
    access: { table: { reads: ['GetItem'], scopedWrites: { PutItem: ['APP#'] } } },
  },
  listCaseNotes: {
    entry: 'functions/case-notes/list-case-notes.ts',
    description: "Shows the case team a case's notes, newest contact first, a page at a time",
    // Reads the application and its notes, and writes the read to the audit trail and the access log.
    access: { table: { reads: ['GetItem', 'Query'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } } },
  },
  askSupervision: {
    entry: 'functions/supervision/ask-supervision.ts',
    description: "Stores a caseworker's request for supervision of a hard case",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] } },
  },
  listSupervision: {
    entry: 'functions/supervision/list-supervision.ts',
    description: 'Lists supervision requests of one state for supervisors',
    // Reads the requests; writes only the access log of what it showed.
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } } },
  },
  acceptSupervision: {
    entry: 'functions/supervision/accept-supervision.ts',
    description: 'Records a supervisor taking a supervision request on as a visiting or in-office session',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] } },
  },
  recordSupervisionAdvice: {
    entry: 'functions/supervision/record-advice.ts',
    description: "Records a supervisor's advice on a case, which joins the case file",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] } },
  },
  recordReferral: {
    entry: 'functions/referral/record-referral.ts',
    description: 'Records where a high-risk person was referred at closure',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] } },
  },
  acknowledgeReferral: {
    entry: 'functions/referral/acknowledge-referral.ts',
    description: "Records the receiver's acknowledgement of a referral and closes its task",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] } },
  },
  listProviderOffers: {
    entry: 'functions/provider-portal/list-offers.ts',
    description: "Lists the offers of the caller's agency, with what it needs to serve each person",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } } },
  },
  acknowledgeProviderOffer: {
    entry: 'functions/provider-portal/acknowledge-offer.ts',
    description: 'Records that the agency has seen an offer and sends its heartbeat',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] }, taskTokens: 'heartbeat' },
  },
  decideProviderOffer: {
    entry: 'functions/provider-portal/decide-offer.ts',
    description: "Records an agency's acceptance or refusal of an offer and answers its task token",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] }, taskTokens: 'answer' },
  },
  getProviderCaseload: {
    entry: 'functions/provider-portal/get-caseload.ts',
    description: "Lists the caller's agency's caseload: the places offered and in service",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } } },
  },
  listAgencies: {
    entry: 'functions/providers/list-agencies.ts',
    description: 'Lists the provider agencies the caller may see',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'] } },
  },
  createAgency: {
    entry: 'functions/providers/create-agency.ts',
    description: 'Registers a provider agency',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
  },
  getAgency: {
    entry: 'functions/providers/get-agency.ts',
    description: 'Shows one provider agency',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'] } },
  },
  updateAgency: {
    entry: 'functions/providers/update-agency.ts',
    description: "Changes a provider agency's registry entry",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
  },
  listCounsellors: {
    entry: 'functions/providers/list-counsellors.ts',
    description: "Lists an agency's counsellors with their free places",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'] } },
  },
  createCounsellor: {
    entry: 'functions/providers/create-counsellor.ts',
    description: 'Adds a counsellor to an agency and signals new places',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
  },
  updateCounsellor: {
    entry: 'functions/providers/update-counsellor.ts',
    description: "Changes a counsellor's entry, never below their caseload",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
  },
  listNotifications: {
    entry: 'functions/notifications/list-notifications.ts',
    description: "Lists the notifications of the caller's districts that could not be delivered",
    access: { table: { reads: ['GetItem', 'BatchGetItem', 'Query'], indexes: ['gsi1'] } },
  },
  retryNotification: {
    entry: 'functions/notifications/retry-notification.ts',
    description: 'Queues a failed notification again, as a new outbox item the sender delivers',
    // One transaction: the failed item marked retried, its copy inserted (the stream wakes the sender), the audit event.
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] } },
  },
  listAccessLog: {
    entry: 'functions/access-log/list-access-log.ts',
    description: "Lists who read a case's personal data, or what one staff member read (the access log)",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'] } },
  },
  openApiDocument: {
    entry: 'functions/docs/openapi.ts',
    description: 'Serves the OpenAPI document generated from the form schemas',
    access: {},
  },
  listSessions: {
    entry: 'functions/provider-portal/list-sessions.ts',
    description: "Shows the serving agency an application's planned and recorded sessions",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } } },
  },
  recordSession: {
    entry: 'functions/provider-portal/record-session.ts',
    description: 'Records a session for the serving agency; the last of the plan ends the period early',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'ConditionCheckItem'] }, taskTokens: 'answer' },
  },
  requestSupplementUploads: {
    entry: 'functions/supplements/request-uploads.ts',
    description: 'Gives the applicant presigned upload addresses for the documents a supplement asks for',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#'], UpdateItem: ['GUESSES#'], ConditionCheckItem: ['GUESSES#'] } }, accessCodes: true, documents: 'upload' },
  },
  submitSupplement: {
    entry: 'functions/supplements/submit-supplement.ts',
    description: "Records the applicant's supplement (uploads checked, corrected answers) and resumes the workflow",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'] }, accessCodes: true, taskTokens: 'answer', documents: 'check' },
  },
  openSupplementDocument: {
    entry: 'functions/supplements/open-document.ts',
    description: 'Gives a case manager a short-lived link to a document the applicant uploaded, audited',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], scopedWrites: { PutItem: ['APP#', 'ACCESS#'] } }, documents: 'read' },
  },
  // Lifecycle steps (Step Functions tasks)
  checkEligibility: {
    entry: 'functions/eligibility/check-eligibility-step.ts',
    description: 'Decides eligibility under the pinned rule version',
    access: { table: { reads: ['GetItem', 'Query'], writes: ['PutItem', 'UpdateItem'] } },
  },
  openHumanTask: {
    entry: 'functions/review/open-human-task.ts',
    description: 'Opens a case-manager task holding the task token',
    // `succeed`: a retried attempt passes on an answer given meanwhile with the dead token (applications/renewed-token.ts).
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] }, taskTokens: 'succeed' },
  },
  recordDecision: {
    entry: 'functions/review/record-decision.ts',
    description: 'Closes the answered task and records the decision',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] } },
  },
  escalateOverdueTask: {
    entry: 'functions/review/escalate-overdue-task.ts',
    description: 'Expires an overdue task and flags it for a supervisor',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] } },
  },
  awaitSupplement: {
    entry: 'functions/supplements/await-supplement.ts',
    description: "Keeps the token of the workflow's wait for the applicant's supplement, with its deadline",
    // `succeed`: as openHumanTask's, for a citizen's answer given meanwhile.
    access: { table: { reads: ['GetItem', 'Query'], writes: ['PutItem', 'UpdateItem'] }, taskTokens: 'succeed' },
  },
  lapseSupplement: {
    entry: 'functions/supplements/lapse-supplement.ts',
    description: 'Marks a supplement the applicant did not answer in time, for the case manager',
    access: { table: { reads: ['GetItem', 'Query'], writes: ['PutItem', 'UpdateItem'] } },
  },
  matchProvider: {
    entry: 'functions/matching/match-provider.ts',
    description: 'Ranks the counsellors who fit and reserves the best free place',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
    timeoutSeconds: 30,
  },
  openProviderOffer: {
    entry: 'functions/matching/open-provider-offer.ts',
    description: "Offers the reserved place to the counsellor's agency, holding the task token",
    // `succeed`: as openHumanTask's, for an agency's answer given meanwhile.
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] }, taskTokens: 'succeed' },
  },
  recordOfferAnswer: {
    entry: 'functions/matching/record-offer-answer.ts',
    description: "Records the agency's answer: accepted, or declined and the place released",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
  },
  expireProviderOffer: {
    entry: 'functions/matching/expire-provider-offer.ts',
    description: 'Releases the place of an offer nobody answered in time',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
  },
  joinWaitlist: {
    entry: 'functions/matching/join-waitlist.ts',
    description: 'Puts an application on the waiting list, holding the task token the batch answers',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
  },
  startServicePeriod: {
    entry: 'functions/service-period/start-service-period.ts',
    description: 'Starts a service period from the programme plan',
    access: { table: { reads: ['GetItem', 'Query'], writes: ['PutItem', 'UpdateItem'] } },
  },
  awaitServicePeriod: {
    entry: 'functions/service-period/await-service-period.ts',
    description: "Keeps the token of the workflow's wait on a service period, for the plan's last session to answer",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] }, taskTokens: 'answer' },
  },
  continueLifecycle: {
    entry: 'functions/lifecycle/continue-lifecycle.ts',
    description: 'Continues a long wait in a new execution before the one-year limit of this one',
    // Reads the application's reopened round, which names the next execution.
    access: { table: { reads: ['GetItem', 'Query'] }, startsLifecycle: true },
  },
  checkServicePeriod: {
    entry: 'functions/service-period/check-service-period.ts',
    description: 'After the wait on a period: records its end (plan done or time up), or says the next execution waits on',
    access: { table: { reads: ['GetItem', 'Query'], writes: ['PutItem', 'UpdateItem'] } },
  },
  startNextPeriod: {
    entry: 'functions/reassessment/start-next-period.ts',
    description: 'Extends within the programme cap by starting the next period',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] }, startsLifecycle: true },
  },
  closeApplication: {
    entry: 'functions/closure/close-application.ts',
    description: 'Closes the case and releases provider capacity',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
  },
  rejectApplication: {
    entry: 'functions/closure/reject-application.ts',
    description: 'Rejects and tells the applicant why',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] } },
  },
  recordWorkflowFailure: {
    entry: 'functions/closure/record-workflow-failure.ts',
    description: 'Marks an application whose workflow failed, for staff follow-up',
    access: { table: { reads: ['GetItem', 'Query'], writes: ['PutItem', 'UpdateItem'] } },
  },
  // Bulk decision jobs (Step Functions tasks of workflows/bulk-decisions.ts)
  decideBulkItem: {
    entry: 'functions/bulk-decisions/decide-bulk-item.ts',
    description: "Decides one case of a bulk decision job through the single decision's checks and records its result",
    // Answers the case's review task (SendTaskSuccess only), writes the answer, audit and the job's result.
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] }, taskTokens: 'succeed' },
  },
  finishBulkJob: {
    entry: 'functions/bulk-decisions/finish-bulk-job.ts',
    description: 'Ends a bulk decision job, marking any case that kept failing for a person to decide',
    access: { table: { reads: ['GetItem'], writes: ['PutItem', 'UpdateItem'] } },
  },
  // Table stream
  fillWaitlist: {
    entry: 'functions/matching/fill-waitlist.ts',
    description: 'Assigns free places to waiting applications, best total match first, and resumes them',
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] }, tableStream: 'capacity-signals', taskTokens: 'answer' },
    timeoutSeconds: 300,
  },
  startStoredApplication: {
    entry: 'functions/lifecycle/start-stored-application.ts',
    description: 'Starts the lifecycle of every stored application, even one whose submission died before starting it',
    access: { tableStream: 'new-applications', startsLifecycle: true },
    timeoutSeconds: 30,
  },
  sendNotifications: {
    entry: 'functions/notifications/send-notifications.ts',
    description: 'Sends each notification queued in the outbox exactly once, by SMS or e-mail; marks what cannot be sent failed for staff',
    // Reads the application and the agency; writes only its outbox items and their audit events.
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem', 'DeleteItem'] }, tableStream: 'notifications', sendsMessages: true },
    // Room for every attempt and its backoff (send-notifications.ts deliveryPolicy), under the lease;
    // a record whose sender died mid-send waits here for that lease, keeping 15 s of this for sending.
    timeoutSeconds: 60,
  },
  // Scheduled
  reportOverdueTasks: {
    entry: 'functions/dashboard/report-overdue-tasks.ts',
    description: 'Reports the open tasks past their due date, every district, as the metric the past-SLA alarm watches',
    // The overdue key range of each district's queue (GSI1): Query only, and no person's data.
    access: { table: { indexes: ['gsi1'] } },
    schedule: { everyMinutes: 15 },
  },
  projectCounts: {
    entry: 'functions/dashboard/project-counts.ts',
    description: "Keeps the dashboard's counters: moves each changed application or session to the counter it belongs in, once",
    access: { table: { reads: ['GetItem', 'Query'], indexes: ['gsi1'], writes: ['PutItem', 'UpdateItem'] }, tableStream: 'counted-items' },
    timeoutSeconds: 30,
  },
} as const satisfies Record<string, HandlerSpec>;

export type HandlerId = keyof typeof handlers;
