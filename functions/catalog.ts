/**
 * Every Lambda handler Dolbom deploys: where its code is and what it may touch. CDK builds one
 * function per entry and grants exactly `access`; the local cloud loads the same entries in-process.
 */
export interface HandlerAccess {
  /** Single-table access. */
  table?: 'read' | 'readwrite';
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
    access: { table: 'readwrite', startsLifecycle: true, dataKey: 'both', accessCodes: true },
  },
  getApplicationStatus: {
    entry: 'functions/status/get-application-status.ts',
    description: "Shows a citizen their application's status and timeline",
    access: { table: 'readwrite', accessCodes: true },
  },
  lookupApplication: {
    entry: 'functions/status/lookup-application.ts',
    description: 'Finds an application by receipt number and access code',
    access: { table: 'readwrite', accessCodes: true },
  },
  getApplicationForStaff: {
    entry: 'functions/status/get-application-for-staff.ts',
    description: 'Shows staff an application, its eligibility explanation and tasks',
    access: { table: 'readwrite' },
  },
  getAuditTrail: {
    entry: 'functions/status/get-audit-trail.ts',
    description: "Shows staff an application's audit trail",
    access: { table: 'readwrite' },
  },
  getCandidatesForStaff: {
    entry: 'functions/matching/get-candidates-for-staff.ts',
    description: 'Shows staff the live ranking of an application: candidates with scores and reasons',
    // Reads the registry and the application, and writes the read to the audit trail.
    access: { table: 'readwrite' },
  },
  getEvidenceForStaff: {
    entry: 'functions/reassessment/get-evidence-for-staff.ts',
    description: "Shows staff a re-assessment's evidence: plan, attendance, pre/post scores, the extension cap",
    // Reads the application and its sessions, and writes the read to the audit trail.
    access: { table: 'readwrite' },
  },
  getLifecycleForStaff: {
    entry: 'functions/lifecycle/get-lifecycle-for-staff.ts',
    description: "Shows staff the picture of an application's lifecycle, from its executions' histories",
    // Reads the application (the district check) and the histories; shows no person's data, so writes nothing.
    access: { table: 'read', readsExecutions: true },
  },
  listTasks: {
    entry: 'functions/review/list-tasks.ts',
    description: "The work queue of the caller's districts: filters, sort, paging, search by receipt or name",
    // Writes a search's finds to the audit trail; hashes a searched name with the name-index key.
    access: { table: 'readwrite', accessCodes: true },
  },
  getDashboard: {
    entry: 'functions/dashboard/get-dashboard.ts',
    description: "The dashboard of the caller's districts: applications by status and programme, overdue tasks, the waiting list, sessions by month",
    // Counters, the overdue range of the task index and the waiting list: reads only, and no person's data.
    access: { table: 'read' },
  },
  countTasks: {
    entry: 'functions/review/count-tasks.ts',
    description: 'Counts open, overdue and unassigned tasks per district and kind, for supervisors',
    access: { table: 'read' },
  },
  findCasesForStaff: {
    entry: 'functions/status/find-cases-for-staff.ts',
    description: "Finds cases of the caller's districts by receipt number or applicant name, open task or not",
    // Writes each case found to the audit trail; hashes a searched name with the name-index key.
    access: { table: 'readwrite', accessCodes: true },
  },
  decideTask: {
    entry: 'functions/review/decide-task.ts',
    description: 'Records a case manager decision and answers the task token',
    access: { table: 'readwrite', taskTokens: 'answer' },
  },
  createBulkDecisions: {
    entry: 'functions/bulk-decisions/create-bulk-decisions.ts',
    description: 'Stores a bulk decision job (several review tasks, one decision and note) and starts it',
    access: { table: 'readwrite', startsBulkDecisions: true },
  },
  getBulkDecisions: {
    entry: 'functions/bulk-decisions/get-bulk-decisions.ts',
    description: "Shows a bulk decision job's progress and each case's result to its creator or their supervisor",
    access: { table: 'read' },
  },
  claimTask: {
    entry: 'functions/review/claim-task.ts',
    description: 'Assigns a task to the caller and sends its heartbeat',
    access: { table: 'readwrite', taskTokens: 'heartbeat' },
  },
  exportLedger: {
    entry: 'functions/ledger/export-ledger.ts',
    description: "Exports a district's monthly voucher ledger as CSV for settlement",
    // Reads applications, sessions and the registry; writes the export's audit event.
    access: { table: 'readwrite' },
    // A district's month is a few hundred applications, read 20 at a time: more than the default
    // 10 s may be needed, and still under API Gateway's 30 s so its own 503 answers first.
    timeoutSeconds: 25,
  },
  withdrawApplication: {
    entry: 'functions/closure/withdraw-application.ts',
    description: 'Records a citizen\'s withdrawal (access code checked) and signals the workflow to close',
    access: { table: 'readwrite', accessCodes: true, taskTokens: 'fail' },
  },
  requestEarlyClosure: {
    entry: 'functions/closure/request-closure.ts',
    description: "Records a case manager's early closure with its reason and signals the workflow to close",
    access: { table: 'readwrite', taskTokens: 'fail' },
  },
  overrideEligibility: {
    entry: 'functions/eligibility/override-eligibility.ts',
    description: "Records a supervisor's eligibility override and reopens a rules-rejected application's review",
    access: { table: 'readwrite', startsLifecycle: true },
  },
  askSupervision: {
    entry: 'functions/supervision/ask-supervision.ts',
    description: "Stores a caseworker's request for supervision of a hard case",
    access: { table: 'readwrite' },
  },
  listSupervision: {
    entry: 'functions/supervision/list-supervision.ts',
    description: 'Lists supervision requests of one state for supervisors',
    // Reads the requests; writes only the access log of what it showed.
    access: { table: 'readwrite' },
  },
  acceptSupervision: {
    entry: 'functions/supervision/accept-supervision.ts',
    description: 'Records a supervisor taking a supervision request on as a visiting or in-office session',
    access: { table: 'readwrite' },
  },
  recordSupervisionAdvice: {
    entry: 'functions/supervision/record-advice.ts',
    description: "Records a supervisor's advice on a case, which joins the case file",
    access: { table: 'readwrite' },
  },
  recordReferral: {
    entry: 'functions/referral/record-referral.ts',
    description: 'Records where a high-risk person was referred at closure',
    access: { table: 'readwrite' },
  },
  acknowledgeReferral: {
    entry: 'functions/referral/acknowledge-referral.ts',
    description: "Records the receiver's acknowledgement of a referral and closes its task",
    access: { table: 'readwrite' },
  },
  listProviderOffers: {
    entry: 'functions/provider-portal/list-offers.ts',
    description: "Lists the offers of the caller's agency, with what it needs to serve each person",
    access: { table: 'readwrite' },
  },
  acknowledgeProviderOffer: {
    entry: 'functions/provider-portal/acknowledge-offer.ts',
    description: 'Records that the agency has seen an offer and sends its heartbeat',
    access: { table: 'readwrite', taskTokens: 'heartbeat' },
  },
  decideProviderOffer: {
    entry: 'functions/provider-portal/decide-offer.ts',
    description: "Records an agency's acceptance or refusal of an offer and answers its task token",
    access: { table: 'readwrite', taskTokens: 'answer' },
  },
  getProviderCaseload: {
    entry: 'functions/provider-portal/get-caseload.ts',
    description: "Lists the caller's agency's caseload: the places offered and in service",
    access: { table: 'readwrite' },
  },
  listAgencies: {
    entry: 'functions/providers/list-agencies.ts',
    description: 'Lists the provider agencies the caller may see',
    access: { table: 'read' },
  },
  createAgency: {
    entry: 'functions/providers/create-agency.ts',
    description: 'Registers a provider agency',
    access: { table: 'readwrite' },
  },
  getAgency: {
    entry: 'functions/providers/get-agency.ts',
    description: 'Shows one provider agency',
    access: { table: 'read' },
  },
  updateAgency: {
    entry: 'functions/providers/update-agency.ts',
    description: "Changes a provider agency's registry entry",
    access: { table: 'readwrite' },
  },
  listCounsellors: {
    entry: 'functions/providers/list-counsellors.ts',
    description: "Lists an agency's counsellors with their free places",
    access: { table: 'read' },
  },
  createCounsellor: {
    entry: 'functions/providers/create-counsellor.ts',
    description: 'Adds a counsellor to an agency and signals new places',
    access: { table: 'readwrite' },
  },
  updateCounsellor: {
    entry: 'functions/providers/update-counsellor.ts',
    description: "Changes a counsellor's entry, never below their caseload",
    access: { table: 'readwrite' },
  },
  listNotifications: {
    entry: 'functions/notifications/list-notifications.ts',
    description: "Lists the notifications of the caller's districts that could not be delivered",
    access: { table: 'read' },
  },
  retryNotification: {
    entry: 'functions/notifications/retry-notification.ts',
    description: 'Queues a failed notification again, as a new outbox item the sender delivers',
    // One transaction: the failed item marked retried, its copy inserted (the stream wakes the sender), the audit event.
    access: { table: 'readwrite' },
  },
  listAccessLog: {
    entry: 'functions/access-log/list-access-log.ts',
    description: "Lists who read a case's personal data, or what one staff member read (the access log)",
    access: { table: 'read' },
  },
  openApiDocument: {
    entry: 'functions/docs/openapi.ts',
    description: 'Serves the OpenAPI document generated from the form schemas',
    access: {},
  },
  listSessions: {
    entry: 'functions/provider-portal/list-sessions.ts',
    description: "Shows the serving agency an application's planned and recorded sessions",
    access: { table: 'readwrite' },
  },
  recordSession: {
    entry: 'functions/provider-portal/record-session.ts',
    description: 'Records a session for the serving agency; the last of the plan ends the period early',
    access: { table: 'readwrite', taskTokens: 'answer' },
  },
  requestSupplementUploads: {
    entry: 'functions/supplements/request-uploads.ts',
    description: 'Gives the applicant presigned upload addresses for the documents a supplement asks for',
    access: { table: 'readwrite', accessCodes: true, documents: 'upload' },
  },
  submitSupplement: {
    entry: 'functions/supplements/submit-supplement.ts',
    description: "Records the applicant's supplement (uploads checked, corrected answers) and resumes the workflow",
    access: { table: 'readwrite', accessCodes: true, taskTokens: 'answer', documents: 'check' },
  },
  openSupplementDocument: {
    entry: 'functions/supplements/open-document.ts',
    description: 'Gives a case manager a short-lived link to a document the applicant uploaded, audited',
    access: { table: 'readwrite', documents: 'read' },
  },
  // Lifecycle steps (Step Functions tasks)
  checkEligibility: {
    entry: 'functions/eligibility/check-eligibility-step.ts',
    description: 'Decides eligibility under the pinned rule version',
    access: { table: 'readwrite' },
  },
  openHumanTask: {
    entry: 'functions/review/open-human-task.ts',
    description: 'Opens a case-manager task holding the task token',
    access: { table: 'readwrite' },
  },
  recordDecision: {
    entry: 'functions/review/record-decision.ts',
    description: 'Closes the answered task and records the decision',
    access: { table: 'readwrite' },
  },
  escalateOverdueTask: {
    entry: 'functions/review/escalate-overdue-task.ts',
    description: 'Expires an overdue task and flags it for a supervisor',
    access: { table: 'readwrite' },
  },
  awaitSupplement: {
    entry: 'functions/supplements/await-supplement.ts',
    description: "Keeps the token of the workflow's wait for the applicant's supplement, with its deadline",
    access: { table: 'readwrite' },
  },
  lapseSupplement: {
    entry: 'functions/supplements/lapse-supplement.ts',
    description: 'Marks a supplement the applicant did not answer in time, for the case manager',
    access: { table: 'readwrite' },
  },
  matchProvider: {
    entry: 'functions/matching/match-provider.ts',
    description: 'Ranks the counsellors who fit and reserves the best free place',
    access: { table: 'readwrite' },
    timeoutSeconds: 30,
  },
  openProviderOffer: {
    entry: 'functions/matching/open-provider-offer.ts',
    description: "Offers the reserved place to the counsellor's agency, holding the task token",
    access: { table: 'readwrite' },
  },
  recordOfferAnswer: {
    entry: 'functions/matching/record-offer-answer.ts',
    description: "Records the agency's answer: accepted, or declined and the place released",
    access: { table: 'readwrite' },
  },
  expireProviderOffer: {
    entry: 'functions/matching/expire-provider-offer.ts',
    description: 'Releases the place of an offer nobody answered in time',
    access: { table: 'readwrite' },
  },
  joinWaitlist: {
    entry: 'functions/matching/join-waitlist.ts',
    description: 'Puts an application on the waiting list, holding the task token the batch answers',
    access: { table: 'readwrite' },
  },
  startServicePeriod: {
    entry: 'functions/service-period/start-service-period.ts',
    description: 'Starts a service period from the programme plan',
    access: { table: 'readwrite' },
  },
  awaitServicePeriod: {
    entry: 'functions/service-period/await-service-period.ts',
    description: "Keeps the token of the workflow's wait on a service period, for the plan's last session to answer",
    access: { table: 'readwrite', taskTokens: 'answer' },
  },
  continueLifecycle: {
    entry: 'functions/lifecycle/continue-lifecycle.ts',
    description: 'Continues a long wait in a new execution before the one-year limit of this one',
    // Reads the application's reopened round, which names the next execution.
    access: { table: 'read', startsLifecycle: true },
  },
  checkServicePeriod: {
    entry: 'functions/service-period/check-service-period.ts',
    description: 'After the wait on a period: records its end (plan done or time up), or says the next execution waits on',
    access: { table: 'readwrite' },
  },
  startNextPeriod: {
    entry: 'functions/reassessment/start-next-period.ts',
    description: 'Extends within the programme cap by starting the next period',
    access: { table: 'readwrite', startsLifecycle: true },
  },
  closeApplication: {
    entry: 'functions/closure/close-application.ts',
    description: 'Closes the case and releases provider capacity',
    access: { table: 'readwrite' },
  },
  rejectApplication: {
    entry: 'functions/closure/reject-application.ts',
    description: 'Rejects and tells the applicant why',
    access: { table: 'readwrite' },
  },
  recordWorkflowFailure: {
    entry: 'functions/closure/record-workflow-failure.ts',
    description: 'Marks an application whose workflow failed, for staff follow-up',
    access: { table: 'readwrite' },
  },
  // Bulk decision jobs (Step Functions tasks of workflows/bulk-decisions.ts)
  decideBulkItem: {
    entry: 'functions/bulk-decisions/decide-bulk-item.ts',
    description: "Decides one case of a bulk decision job through the single decision's checks and records its result",
    // Answers the case's review task (SendTaskSuccess only), writes the answer, audit and the job's result.
    access: { table: 'readwrite', taskTokens: 'succeed' },
  },
  finishBulkJob: {
    entry: 'functions/bulk-decisions/finish-bulk-job.ts',
    description: 'Ends a bulk decision job, marking any case that kept failing for a person to decide',
    access: { table: 'readwrite' },
  },
  // Table stream
  fillWaitlist: {
    entry: 'functions/matching/fill-waitlist.ts',
    description: 'Assigns free places to waiting applications, best total match first, and resumes them',
    access: { table: 'readwrite', tableStream: 'capacity-signals', taskTokens: 'answer' },
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
    access: { table: 'readwrite', tableStream: 'notifications', sendsMessages: true },
    // Room for every attempt and its backoff (send-notifications.ts deliveryPolicy), under the lease;
    // a record whose sender died mid-send waits here for that lease, keeping 15 s of this for sending.
    timeoutSeconds: 60,
  },
  // Scheduled
  reportOverdueTasks: {
    entry: 'functions/dashboard/report-overdue-tasks.ts',
    description: 'Reports the open tasks past their due date, every district, as the metric the past-SLA alarm watches',
    // The overdue key range of each district's queue: reads only, and no person's data.
    access: { table: 'read' },
    schedule: { everyMinutes: 15 },
  },
  projectCounts: {
    entry: 'functions/dashboard/project-counts.ts',
    description: "Keeps the dashboard's counters: moves each changed application or session to the counter it belongs in, once",
    access: { table: 'readwrite', tableStream: 'counted-items' },
    timeoutSeconds: 30,
  },
} as const satisfies Record<string, HandlerSpec>;

export type HandlerId = keyof typeof handlers;
