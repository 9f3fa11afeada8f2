import type { Text } from '../../forms/i18n';

/**
 * The lifecycle as staff picture it, in order: what the case page draws (functions/lifecycle/
 * lifecycle-picture.ts). A supplement (보완 요청) is part of the review; the waiting list part of
 * matching; a next period goes round service and re-assessment again.
 */
export const stages = ['submission', 'eligibility', 'review', 'matching', 'service', 'reassessment', 'closure'] as const;
export type Stage = (typeof stages)[number];

export const stageLabels: Record<Stage, Text> = {
  submission: { ko: '신청 접수', en: 'Submitted' },
  eligibility: { ko: '자격 확인', en: 'Eligibility check' },
  review: { ko: '사례관리자 검토', en: 'Case-manager review' },
  matching: { ko: '제공기관 연계', en: 'Provider matching' },
  service: { ko: '서비스 제공', en: 'Service period' },
  reassessment: { ko: '재판정', en: 'Re-assessment' },
  closure: { ko: '종결', en: 'Closure' },
};

/** The failure path is no stage: an application that fails stays where it failed, marked failed. */
export const FAILURE = 'failure' as const;

/**
 * Every state of the lifecycle state machine (workflows/lifecycle.ts), by its stage. The names are
 * the definition's: test/cdk/lifecycle-stages.test.ts synthesizes the state machine and fails when a
 * state of it is missing here or a name here is not in it, so the two cannot drift apart. (A Lambda
 * cannot read the CDK construct, and bundling aws-cdk-lib to learn names would cost megabytes.)
 */
export const stageOfState = {
  // Where an execution starts: the first goes on to eligibility, a continuation to where it left off.
  // Before that, the correlation id of the request that started it is kept (workflows/correlation.ts).
  HasCorrelationId: 'submission',
  KeepCorrelationId: 'submission',
  NameCorrelationId: 'submission',
  RouteByPeriod: 'submission',

  CheckEligibility: 'eligibility',
  EligibilityOutcome: 'eligibility',

  CaseManagerReview: 'review',
  CaseManagerReviewFitsThisExecution: 'review',
  EscalateCaseManagerReview: 'review',
  ContinueCaseManagerReview: 'review',
  CaseManagerReviewContinued: 'review',
  RecordCaseManagerReviewDecision: 'review',
  ReviewDecision: 'review',
  AwaitSupplement: 'review',
  LapseSupplement: 'review',

  MatchProvider: 'matching',
  PlaceReserved: 'matching',
  ProviderOffer: 'matching',
  ExpireProviderOffer: 'matching',
  RecordOfferAnswer: 'matching',
  OfferAnswer: 'matching',
  WaitForPlace: 'matching',
  ContinueMatching: 'matching',
  MatchingContinued: 'matching',

  StartServicePeriod: 'service',
  AwaitServicePeriod: 'service',
  CheckServicePeriod: 'service',
  ServicePeriodOver: 'service',
  ContinueServicePeriod: 'service',
  ServicePeriodContinued: 'service',
  ResumeServicePeriod: 'service',
  PeriodLeft: 'service',

  Reassessment: 'reassessment',
  ReassessmentFitsThisExecution: 'reassessment',
  EscalateReassessment: 'reassessment',
  ContinueReassessment: 'reassessment',
  ReassessmentContinued: 'reassessment',
  RecordReassessmentDecision: 'reassessment',
  ReassessmentDecision: 'reassessment',
  StartNextPeriod: 'reassessment',
  Extended: 'reassessment',
  HandedToNextPeriod: 'reassessment',

  RejectApplication: 'closure',
  Rejected: 'closure',
  Closure: 'closure',
  Closed: 'closure',

  RecordWorkflowFailure: FAILURE,
  WorkflowFailed: FAILURE,
} as const satisfies Record<string, Stage | typeof FAILURE>;

export type LifecycleStateName = keyof typeof stageOfState;

export function isLifecycleState(name: string): name is LifecycleStateName {
  return Object.hasOwn(stageOfState, name);
}

/** States that tell the picture more than their stage: how the lifecycle ended, and what happened inside a stage. */
export const markerStates = {
  rejected: ['RejectApplication', 'Rejected'],
  supplement: 'AwaitSupplement',
  waitlist: 'WaitForPlace',
  offer: 'ProviderOffer',
  servicePeriod: ['StartServicePeriod', 'ResumeServicePeriod'],
} as const satisfies Record<string, LifecycleStateName | readonly LifecycleStateName[]>;
