import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { HandlerId } from '../functions/catalog';
import { CLOSING_EARLY_ERROR } from '../functions/closure/stop-if-closing';
import { RETRYABLE_ERROR } from '../functions/commons/transient-errors';
import { LONGEST_WAIT_DAYS } from '../functions/service-period/plan';
import { CORRELATION_ID_PATH, withCorrelationId } from './correlation';

/** The Lambda steps the lifecycle calls, by catalog id. */
export type LifecycleStep = Extract<
  HandlerId,
  | 'checkEligibility'
  | 'openHumanTask'
  | 'recordDecision'
  | 'escalateOverdueTask'
  | 'awaitSupplement'
  | 'lapseSupplement'
  | 'matchProvider'
  | 'openProviderOffer'
  | 'recordOfferAnswer'
  | 'expireProviderOffer'
  | 'joinWaitlist'
  | 'startServicePeriod'
  | 'awaitServicePeriod'
  | 'checkServicePeriod'
  | 'continueLifecycle'
  | 'startNextPeriod'
  | 'closeApplication'
  | 'rejectApplication'
  | 'recordWorkflowFailure'
>;

export interface LifecycleProps {
  stateMachineName: string;
  steps: Record<LifecycleStep, IFunction>;
  humanTasks: { reviewTimeoutDays: number; reassessmentTimeoutDays: number; heartbeatDays: number; supplementDays: number };
  providerOffers: { timeoutDays: number; heartbeatDays: number };
  waitlistRecheckDays: number;
  logs?: sfn.LogOptions;
}

/**
 * What another try may fix: Lambda service faults (the handler never ran, or its answer was lost —
 * steps are idempotent, so running one twice is safe) and the services' transient faults that
 * handlers surface as one error (functions/commons/transient-errors.ts). Anything else a handler
 * throws is an answer, not a hiccup, and goes to RecordWorkflowFailure.
 */
const TRANSIENT_ERRORS = [
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  // The function outlasted its timeout (a stalled dependency, a cold start under load); steps are idempotent.
  'Sandbox.Timedout',
  RETRYABLE_ERROR,
];

/** 2, 4, 8, 16, 32, 60 s at most between six retries, each drawn from 0 up to that (full jitter). */
export const retryTransientErrors = (task: sfn.TaskStateBase) =>
  task.addRetry({
    errors: TRANSIENT_ERRORS,
    interval: Duration.seconds(2),
    maxAttempts: 6,
    backoffRate: 2,
    maxDelay: Duration.seconds(60),
    jitterStrategy: sfn.JitterType.FULL,
  });

const DAY_SECONDS = 24 * 60 * 60;

/** Offers the year's budget makes room for after a review: the candidates MatchProvider keeps. */
const OFFERS_BUDGETED = 5;
/** Lambda steps between two waits take minutes even with every retry; a day covers them all. */
const STEPS_MARGIN_DAYS = 1;

/**
 * One service period of an application, from eligibility to closure (see workflows/README.md).
 * JSONPath only: the local Step Functions engine cannot run JSONata or variables. Each Lambda step
 * keeps the state small: it gets ids, reads and writes DynamoDB, and returns what the next Choice needs.
 */
export class LifecycleStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: LifecycleProps) {
    super(scope, id);
    const { steps, humanTasks, providerOffers } = props;

    const step = (name: string, handler: LifecycleStep, payload: Record<string, unknown>, resultPath: string | null) => {
      const task = new tasks.LambdaInvoke(this, name, {
        stateName: name,
        lambdaFunction: steps[handler],
        payload: sfn.TaskInput.fromObject(payload),
        payloadResponseOnly: false,
        retryOnServiceExceptions: false,
        resultSelector: { 'result.$': '$.Payload' },
        resultPath: resultPath === null ? sfn.JsonPath.DISCARD : resultPath,
        taskTimeout: sfn.Timeout.duration(Duration.seconds(60)),
      });
      retryTransientErrors(task);
      return task;
    };

    // Every step's payload: the ids it works on, and the correlation id its log lines carry.
    const ids = { 'applicationId.$': '$.applicationId', 'period.$': '$.period', 'correlationId.$': CORRELATION_ID_PATH };

    // The year's budget (workflows/README.md): the days an execution may still need after a human task
    // is decided, before it hands over on its own. After a review: offers to a few candidates, one
    // waitlist wait, one service-period wait, one re-assessment task; after a re-assessment: a few steps.
    const budgetAfter = {
      review: OFFERS_BUDGETED * providerOffers.timeoutDays + props.waitlistRecheckDays + LONGEST_WAIT_DAYS + humanTasks.reassessmentTimeoutDays + STEPS_MARGIN_DAYS,
      reassessment: STEPS_MARGIN_DAYS,
    };

    // Every unexpected error ends here, so a failed application is visible to staff, never silent. The
    // execution's name (always there, unlike an input field) says which hand-over failed, so an
    // operator's resume names the next execution (functions/lifecycle/resume.ts).
    const recordFailure = step('RecordWorkflowFailure', 'recordWorkflowFailure', { ...ids, 'error.$': '$.failure', 'execution.$': '$$.Execution.Name' }, null);
    const failed = new sfn.Fail(this, 'WorkflowFailed', { stateName: 'WorkflowFailed', error: 'WorkflowFailed', cause: 'See the audit trail' });
    recordFailure.next(failed);
    const guarded = <T extends sfn.TaskStateBase>(task: T): T => {
      task.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
      return task;
    };
    // The failure recorder itself must not loop into itself.
    const lambdaStep = (...args: Parameters<typeof step>) => guarded(step(...args));

    // Stage 6, defined first: every wait may end here. A closing request (a case manager's early
    // closure, a citizen's withdrawal) fails the waiting token with Dolbom.ClosingEarly, and each
    // callback state catches it into the Closure step, which reads the request from the application.
    const closure = lambdaStep('Closure', 'closeApplication', ids, null).next(new sfn.Succeed(this, 'Closed', { stateName: 'Closed' }));
    const closesEarly = (task: sfn.TaskStateBase) => task.addCatch(closure, { errors: [CLOSING_EARLY_ERROR], resultPath: sfn.JsonPath.DISCARD });

    const humanTask = (name: string, kind: 'review' | 'reassessment', timeoutDays: number) => {
      // One number for each deadline: the state's timeouts, and the task's due date computed from them.
      const timeoutSeconds = timeoutDays * DAY_SECONDS;
      const heartbeatSeconds = humanTasks.heartbeatDays * DAY_SECONDS;
      const task = new tasks.LambdaInvoke(this, name, {
        stateName: name,
        lambdaFunction: steps.openHumanTask,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: sfn.TaskInput.fromObject({
          ...ids,
          kind,
          taskToken: sfn.JsonPath.taskToken,
          timeoutSeconds,
          heartbeatSeconds,
        }),
        retryOnServiceExceptions: false,
        resultPath: '$.decision',
        taskTimeout: sfn.Timeout.duration(Duration.seconds(timeoutSeconds)),
        heartbeatTimeout: sfn.Timeout.duration(Duration.seconds(heartbeatSeconds)),
      });
      retryTransientErrors(task);
      // Nobody acted in time: expire the task, flag it for a supervisor, and open a fresh one — in this
      // execution while the fresh task and what follows it fit in its year, else in the next one.
      const escalate = lambdaStep(
        `Escalate${name}`,
        'escalateOverdueTask',
        {
          ...ids,
          kind,
          'error.$': '$.overdue.Error',
          'executionStartedAt.$': '$$.Execution.StartTime',
          nextTaskSeconds: timeoutSeconds,
          thenSeconds: budgetAfter[kind] * DAY_SECONDS,
        },
        '$.escalation',
      );
      task.addCatch(escalate, { errors: ['States.Timeout', 'States.HeartbeatTimeout'], resultPath: '$.overdue' });
      closesEarly(task);
      task.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
      const handOver = lambdaStep(`Continue${name}`, 'continueLifecycle', { ...ids, 'handover.$': '$.handover', resume: kind }, null).next(
        new sfn.Succeed(this, `${name}Continued`, { stateName: `${name}Continued` }),
      );
      escalate.next(
        new sfn.Choice(this, `${name}FitsThisExecution`, { stateName: `${name}FitsThisExecution` })
          .when(sfn.Condition.booleanEquals('$.escalation.result.freshTaskFits', true), task)
          .otherwise(handOver),
      );
      const record = lambdaStep(`Record${name}Decision`, 'recordDecision', { ...ids, kind, 'decision.$': '$.decision' }, '$.decision');
      task.next(record);
      return { task, record };
    };

    // Stage 1: eligibility (first period only).
    const checkEligibility = lambdaStep('CheckEligibility', 'checkEligibility', ids, '$.eligibility');
    const reject = lambdaStep('RejectApplication', 'rejectApplication', ids, null).next(
      new sfn.Succeed(this, 'Rejected', { stateName: 'Rejected' }),
    );

    // Stage 2: case-manager review.
    const review = humanTask('CaseManagerReview', 'review', humanTasks.reviewTimeoutDays);

    // Stage 2b: a supplement (보완 요청). The workflow waits for the citizen on a callback whose timeout
    // is their deadline; their answer on the status page sends the token (functions/supplements/
    // submit-supplement.ts). Answered or not, the case returns to the case manager in a fresh task.
    const supplementSeconds = humanTasks.supplementDays * DAY_SECONDS;
    const awaitSupplement = new tasks.LambdaInvoke(this, 'AwaitSupplement', {
      stateName: 'AwaitSupplement',
      lambdaFunction: steps.awaitSupplement,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({ ...ids, taskToken: sfn.JsonPath.taskToken, timeoutSeconds: supplementSeconds }),
      retryOnServiceExceptions: false,
      resultPath: sfn.JsonPath.DISCARD,
      // No heartbeat: a citizen has nothing to send one with; the deadline is the whole wait.
      taskTimeout: sfn.Timeout.duration(Duration.seconds(supplementSeconds)),
    });
    retryTransientErrors(awaitSupplement);
    const lapseSupplement = lambdaStep('LapseSupplement', 'lapseSupplement', ids, null);
    awaitSupplement.addCatch(lapseSupplement, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD });
    closesEarly(awaitSupplement);
    awaitSupplement.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
    awaitSupplement.next(review.task);
    lapseSupplement.next(review.task);

    // Stage 3: provider matching. MatchProvider ranks the counsellors and reserves the best free
    // place; the agency answers the offer; a decline or a lapse releases the place and the next
    // candidate is tried. With nobody free the application waits on a callback that the waitlist
    // batch answers when a place frees (functions/matching/fill-waitlist.ts) — no timed loop.
    const matchProvider = lambdaStep('MatchProvider', 'matchProvider', ids, '$.match');
    const offerTimeoutSeconds = providerOffers.timeoutDays * DAY_SECONDS;
    const offerHeartbeatSeconds = providerOffers.heartbeatDays * DAY_SECONDS;
    const providerOffer = new tasks.LambdaInvoke(this, 'ProviderOffer', {
      stateName: 'ProviderOffer',
      lambdaFunction: steps.openProviderOffer,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        ...ids,
        taskToken: sfn.JsonPath.taskToken,
        timeoutSeconds: offerTimeoutSeconds,
        heartbeatSeconds: offerHeartbeatSeconds,
      }),
      retryOnServiceExceptions: false,
      resultPath: '$.offer',
      taskTimeout: sfn.Timeout.duration(Duration.seconds(offerTimeoutSeconds)),
      heartbeatTimeout: sfn.Timeout.duration(Duration.seconds(offerHeartbeatSeconds)),
    });
    retryTransientErrors(providerOffer);
    const expireOffer = lambdaStep('ExpireProviderOffer', 'expireProviderOffer', { ...ids, 'error.$': '$.lapsed.Error' }, null);
    providerOffer.addCatch(expireOffer, { errors: ['States.Timeout', 'States.HeartbeatTimeout'], resultPath: '$.lapsed' });
    closesEarly(providerOffer);
    providerOffer.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
    expireOffer.next(matchProvider);
    const recordOfferAnswer = lambdaStep('RecordOfferAnswer', 'recordOfferAnswer', { ...ids, 'answer.$': '$.offer' }, '$.offer');
    providerOffer.next(recordOfferAnswer);

    const waitlistSeconds = props.waitlistRecheckDays * DAY_SECONDS;
    const waitForPlace = new tasks.LambdaInvoke(this, 'WaitForPlace', {
      stateName: 'WaitForPlace',
      lambdaFunction: steps.joinWaitlist,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({ ...ids, taskToken: sfn.JsonPath.taskToken }),
      retryOnServiceExceptions: false,
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(Duration.seconds(waitlistSeconds)),
    });
    retryTransientErrors(waitForPlace);
    // A lost wake-up is not a failure: matching looks again, in a new execution (continue-as-new: a
    // waiting list can outlast the year a Standard execution may run), keeping its place in line.
    const continueMatching = lambdaStep('ContinueMatching', 'continueLifecycle', { ...ids, 'handover.$': '$.handover', resume: 'matching' }, null).next(
      new sfn.Succeed(this, 'MatchingContinued', { stateName: 'MatchingContinued' }),
    );
    waitForPlace.addCatch(continueMatching, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD });
    closesEarly(waitForPlace);
    waitForPlace.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
    waitForPlace.next(matchProvider);

    // Stage 4: the service period, with no timed loop: the workflow waits on a token that the
    // agency's record of the plan's last session answers, or until the period's end — at most
    // LONGEST_WAIT_DAYS in one execution, after which the next execution waits on (continue-as-new).
    const startServicePeriod = lambdaStep('StartServicePeriod', 'startServicePeriod', ids, '$.servicePeriod');
    const awaitServicePeriod = new tasks.LambdaInvoke(this, 'AwaitServicePeriod', {
      stateName: 'AwaitServicePeriod',
      lambdaFunction: steps.awaitServicePeriod,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({ ...ids, taskToken: sfn.JsonPath.taskToken }),
      retryOnServiceExceptions: false,
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.at('$.servicePeriod.result.waitSeconds'),
    });
    retryTransientErrors(awaitServicePeriod);
    const checkServicePeriod = lambdaStep('CheckServicePeriod', 'checkServicePeriod', ids, '$.servicePeriod');
    awaitServicePeriod.addCatch(checkServicePeriod, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD });
    closesEarly(awaitServicePeriod);
    awaitServicePeriod.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
    const continueService = lambdaStep('ContinueServicePeriod', 'continueLifecycle', { ...ids, 'handover.$': '$.handover', resume: 'service' }, null).next(
      new sfn.Succeed(this, 'ServicePeriodContinued', { stateName: 'ServicePeriodContinued' }),
    );
    // A continuing execution first asks how long is left, then waits on.
    const resumeServicePeriod = lambdaStep('ResumeServicePeriod', 'checkServicePeriod', ids, '$.servicePeriod');

    // Stage 5: re-assessment: extend within the programme's cap, or close.
    const reassessment = humanTask('Reassessment', 'reassessment', humanTasks.reassessmentTimeoutDays);
    const startNextPeriod = lambdaStep('StartNextPeriod', 'startNextPeriod', ids, '$.extension');

    // Stage 6: closure (defined above, with the early-closure catch).

    checkEligibility.next(
      new sfn.Choice(this, 'EligibilityOutcome', { stateName: 'EligibilityOutcome' })
        .when(sfn.Condition.stringEquals('$.eligibility.result.outcome', 'ineligible'), reject)
        .otherwise(review.task),
    );
    review.record.next(
      new sfn.Choice(this, 'ReviewDecision', { stateName: 'ReviewDecision' })
        .when(sfn.Condition.stringEquals('$.decision.result.decision', 'approve'), matchProvider)
        .when(sfn.Condition.stringEquals('$.decision.result.decision', 'reject'), reject)
        .when(
          sfn.Condition.and(
            sfn.Condition.stringEquals('$.decision.result.decision', 'request-info'),
            sfn.Condition.booleanEquals('$.decision.result.supplementRequested', true),
          ),
          awaitSupplement,
        )
        .otherwise(review.task),
    );
    matchProvider.next(
      new sfn.Choice(this, 'PlaceReserved', { stateName: 'PlaceReserved' })
        .when(sfn.Condition.booleanEquals('$.match.result.reserved', true), providerOffer)
        .otherwise(waitForPlace),
    );
    recordOfferAnswer.next(
      new sfn.Choice(this, 'OfferAnswer', { stateName: 'OfferAnswer' })
        .when(sfn.Condition.stringEquals('$.offer.result.outcome', 'accepted'), startServicePeriod)
        .when(sfn.Condition.stringEquals('$.offer.result.outcome', 'declined'), matchProvider)
        .otherwise(providerOffer),
    );
    startServicePeriod.next(awaitServicePeriod);
    awaitServicePeriod.next(checkServicePeriod);
    checkServicePeriod.next(
      new sfn.Choice(this, 'ServicePeriodOver', { stateName: 'ServicePeriodOver' })
        .when(sfn.Condition.booleanEquals('$.servicePeriod.result.done', true), reassessment.task)
        .otherwise(continueService),
    );
    resumeServicePeriod.next(
      new sfn.Choice(this, 'PeriodLeft', { stateName: 'PeriodLeft' })
        .when(sfn.Condition.booleanEquals('$.servicePeriod.result.done', true), reassessment.task)
        .otherwise(awaitServicePeriod),
    );
    reassessment.record.next(
      new sfn.Choice(this, 'ReassessmentDecision', { stateName: 'ReassessmentDecision' })
        .when(sfn.Condition.stringEquals('$.decision.result.decision', 'extend'), startNextPeriod)
        .when(sfn.Condition.stringEquals('$.decision.result.decision', 'close'), closure)
        .otherwise(reassessment.task),
    );
    startNextPeriod.next(
      new sfn.Choice(this, 'Extended', { stateName: 'Extended' })
        .when(sfn.Condition.booleanEquals('$.extension.result.extended', true), new sfn.Succeed(this, 'HandedToNextPeriod', { stateName: 'HandedToNextPeriod' }))
        .otherwise(closure),
    );

    // A missing path in a Choice rule is a runtime error in AWS: test for it first.
    const resumes = (stage: string) => sfn.Condition.and(sfn.Condition.isPresent('$.resume'), sfn.Condition.stringEquals('$.resume', stage));
    // A continuing execution picks up where the one before handed over (a period's wait, matching, or a
    // human task nobody decided — opened afresh, keeping the first one's date); an extension's execution
    // starts straight at its service period (eligibility and matching hold); the first at eligibility.
    const start = new sfn.Choice(this, 'RouteByPeriod', { stateName: 'RouteByPeriod' })
      .when(resumes('service'), resumeServicePeriod)
      .when(resumes('matching'), matchProvider)
      // A reopened application (a supervisor's override) and a review handed over before a year both start at the review.
      .when(resumes('review'), review.task)
      .when(resumes('reassessment'), reassessment.task)
      // Only an operator's resume of a failed application starts here: a period-1 service period not
      // yet started (later periods start there anyway), and a closure asked for before the failure.
      .when(resumes('service-start'), startServicePeriod)
      .when(resumes('closure'), closure)
      .when(sfn.Condition.numberGreaterThan('$.period', 1), startServicePeriod)
      .otherwise(checkEligibility);

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(withCorrelationId(this, start)),
      tracingEnabled: true,
      logs: props.logs,
    });
  }
}
