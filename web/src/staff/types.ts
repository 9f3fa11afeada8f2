/** What the staff API answers, as the console reads it. */
import type { Text } from '../../../forms/i18n';
import type { EligibilityExplanation } from '../lib/eligibility-view';
import type { ClosureRecord } from '../../../functions/closure/closure-record';
import type { ClosingRequest } from '../../../functions/closure/closing-labels';
import type { Resumption, WorkflowFailure } from '../../../functions/lifecycle/resume';
import type { Referral } from '../../../functions/referral/referral-labels';
import type { StaffSupplementView } from '../../../functions/supplements/staff-view';
import type { SupervisionView } from '../../../functions/supervision/view';

export interface TaskView {
  taskId: string;
  applicationId: string;
  kind: string;
  kindLabel: Text;
  period: number;
  district: string;
  programme: string;
  state: string;
  createdAt: string;
  /** A review or re-assessment opened afresh after an escalation: when the first was opened, and how often it escalated. */
  firstOpenedAt?: string;
  escalations?: number;
  dueAt: string;
  decisions: string[];
  /** The decision: by a signed-in case manager through this console, or sent straight to the Step Functions API. */
  answer?: {
    decision: string;
    via: 'console' | 'step-functions-api';
    by?: { userId: string };
    note?: string;
    counsellorId?: string;
    closingSessionMissing?: { code: string; note?: string };
    rejection?: { code: string; toCitizen?: string };
    at: string;
  };
  assignee?: string;
  claimedAt?: string;
  /** An urgent task: a high-risk screening result, with why. */
  risk?: { sessionId: string; reasons: Text[] };
  /** A referral owed at closure: where it went and the receiver's acknowledgement. */
  referral?: Referral;
  /** Three no-shows in a row: the sessions missed, with their days. */
  attendance?: { missed: { sessionId: string; number: number; on: string }[] };
  /** A review task opened when a supplement round ended: answered, or the deadline passed. */
  supplement?: { round: number; outcome: 'answered' | 'no-answer' };
}

/** A row of the work queue: the task with its case's receipt number, applicant, status and lateness. */
export interface QueueRowView extends TaskView {
  receiptNumber?: string;
  applicantName?: string;
  applicationStatus?: string;
  applicationStatusLabel?: Text;
  submittedAt?: string;
  /** When the work came in: the period's first task of its kind (kept through escalations). */
  receivedAt?: string;
  /** The due date the case is measured against (an escalated case keeps the one it missed). */
  slaDueAt?: string;
  sla?: { state: 'on-time' | 'due-today' | 'overdue'; label: Text };
  ageDays?: number;
}

/** A case found by receipt number or name (GET /api/staff/cases). */
export interface CaseSummaryView {
  applicationId: string;
  receiptNumber: string;
  applicantName?: string;
  programme: string;
  district: string;
  status: string;
  statusLabel: Text;
  submittedAt: string;
  openTasks: QueueRowView[];
}

/** The supervisor's counts (GET /api/staff/tasks/counts). */
export interface TaskCountsView {
  at: string;
  districts: { district: string; byKind: Partial<Record<string, QueueCountsView>>; total: QueueCountsView }[];
}
export interface QueueCountsView {
  open: number;
  overdue: number;
  unassigned: number;
}

export interface TaskPage {
  tasks: QueueRowView[];
  /** The cursor of the next page; absent on the last. */
  next?: string;
}

/** A candidate of the ranking (GET …/candidates, or stored on the application's match). */
export interface CandidateView {
  counsellorId: string;
  /** Given name only; absent when the registry no longer knows the counsellor. */
  counsellorFirstName?: string;
  agencyId: string;
  agencyName: Text;
  agencyDistrict: string;
  agencyDistrictName?: Text;
  score: number;
  parts: { factor: string; points: number; reason: Text }[];
  reason: Text;
}

export interface CandidateList {
  applicationId: string;
  rankedAt: string;
  candidates: CandidateView[];
}

export interface MatchView {
  candidates: CandidateView[];
  rankedAt: string;
  proposedCounsellorId?: string;
  excludedCounsellorIds: string[];
  reservation?: { agencyId: string; counsellorId: string; counsellorFirstName?: string; reservedAt: string; via: 'ranking' | 'proposal' | 'waitlist'; score: number; reason: Text };
  waitingSince?: string;
}

export interface OfferView {
  offerId: string;
  agencyId: string;
  agencyName?: Text;
  counsellorId: string;
  counsellorFirstName?: string;
  state: 'open' | 'accepted' | 'declined' | 'expired';
  createdAt: string;
  dueAt: string;
  timeoutAt: string;
  acknowledgedAt?: string;
  score: number;
  reason: Text;
  answer?: { decision: 'accept' | 'decline'; reason?: string; note?: string; via: string; at: string };
  declineReasonLabel?: Text;
}

export interface CaseFile {
  id: string;
  receiptNumber: string;
  programme: string;
  programmeVersion?: string;
  district: string;
  status: string;
  statusLabel: Text;
  period: number;
  createdAt: string;
  updatedAt: string;
  answers: Record<string, unknown>;
  rrn?: { masked: string };
  eligibility?: EligibilityExplanation;
  providerId?: string;
  counsellorId?: string;
  match?: MatchView;
  offers?: OfferView[];
  counsellorFirstNames?: Record<string, string>;
  agencyNames?: Record<string, Text>;
  servicePeriod?: { period: number; startsAt: string; endsAt: string };
  closingRequest?: ClosingRequest;
  closure?: ClosureRecord;
  retainUntil?: string;
  /** A supervisor's override of the rules' outcome (functions/eligibility/override.ts). */
  eligibilityOverride?: { outcome: 'eligible' | 'ineligible'; note: string; rejectionReason?: string; by: { userId: string }; at: string };
  /** Why it was rejected (functions/closure/rejection.ts). */
  rejection?: { basis: 'eligibility' | 'review'; reason?: string; reasons: Text[]; toCitizen?: string; at: string };
  tasks: TaskView[];
  supplements?: StaffSupplementView[];
  /** Supervision asked on the case (functions/supervision/). */
  supervision?: SupervisionView[];
  /** While failed: what failed and the status it replaced; after a resume, the latest (functions/lifecycle/resume.ts). */
  failure?: WorkflowFailure;
  resumed?: Resumption;
}

export interface AuditEventView {
  at: string;
  actor: unknown;
  action: string;
  status?: string;
  detail?: Record<string, unknown>;
  note?: string;
}
