import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import { workflowStep } from '../commons/step';
import { RetryableError } from '../commons/transient-errors';
import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { keys } from '../applications/keys';
import { requireApplication, transition, type TransactItem } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { closeOfferWrite, openOfferOf } from '../matching/offer-store';
import { releaseWrites } from '../matching/places';
import { notificationPut } from '../notifications/outbox';
import { referralTask, referralWrites } from '../referral/referral-task';
import type { HumanTask } from '../review/task';
import { closeTaskWrite, tasksOfApplication } from '../review/task-store';
import type { Session } from '../service-period/session';
import { sessionsOf } from '../service-period/session-store';
import { closableEarly } from './closing-labels';
import { closureRecord, wasHighRisk, type CompletedBasis } from './closure-record';

/**
 * Closure: the case closes with its record — how and why, the closing session and post-test or why
 * they are missing, pre vs post, the retention date — in one transaction with everything that ends
 * with it: the counsellor's place released (the waitlist batch hears of it), an open task, offer or
 * waiting-list entry closed, and, for a high-risk person, the referral task opened. Reached after a
 * re-assessment's `close`, at the programme's cap, or from any wait on a closing request
 * (`Dolbom.ClosingEarly`, see closing-signal.ts).
 */
export const handler = workflowStep('Closure', stepInput, async ({ applicationId, period }) => {
  const application = await requireApplication(applicationId);
  if (application.status === 'closed') return { closed: true };
  const at = now().toISOString();
  const [sessions, tasks, offer] = await Promise.all([sessionsOfCase(application), tasksOfApplication(applicationId), openOfferOf(applicationId)]);
  const request = application.closingRequest;
  const decided = tasks.find((t) => t.kind === 'reassessment' && t.period === period && t.answer?.decision === 'close');
  const referral = wasHighRisk(sessions) ? referralTask(application, at, sessions) : undefined;
  const record = closureRecord({
    closedAt: at,
    period: application.period,
    sessions,
    request,
    basis: basisOf(application, sessions),
    missing: decided?.answer?.closingSessionMissing,
    referralTaskId: referral?.taskId,
  });
  try {
    await transition(applicationId, {
      from: request ? closableEarly : ['reassessment', 'in-service', 'extended'],
      to: 'closed',
      set: { closedAt: at, closure: record, retainUntil: record.retainUntil },
      audit: auditEvent({
        applicationId,
        at,
        actor: systemActor('Closure'),
        action: 'application.closed',
        status: 'closed',
        visibleToApplicant: true,
        detail: { period, kind: record.kind, reason: record.reason.code, highRisk: record.highRisk, retainUntil: record.retainUntil, closingSessionMissing: record.closingSession.missing?.code ?? null },
        ...(record.closingSession.missing?.note ? { note: record.closingSession.missing.note } : {}),
      }),
      with: [
        ...placeRelease(application, at),
        ...openItemsClosed(application, tasks, offer),
        ...(referral ? referralWrites(referral) : []),
        notificationPut({ applicationId, key: 'closed', template: 'application-closed', reasons: [record.reason.label], createdAt: at }),
      ],
    });
  } catch (error) {
    // A place reserved by the waitlist batch after we read the application: read again and release it too.
    if (cancellationReasons(error)?.includes('ConditionalCheckFailed')) throw new RetryableError(error as Error);
    throw error;
  }
  return { closed: true, highRisk: record.highRisk };
});

/** The sessions of every period of the case: the pre-test may be in the first, the post-test in the last. */
async function sessionsOfCase(application: Application): Promise<Session[]> {
  const periods = Array.from({ length: application.period }, (_, i) => i + 1);
  return (await Promise.all(periods.map((p) => sessionsOf(application.id, p)))).flat();
}

function basisOf(application: Application, sessions: readonly Session[]): CompletedBasis {
  if (application.extensionRefusedAt) return 'cap-reached';
  const planned = sessions.filter((s) => s.period === application.period);
  return planned.length > 0 && planned.every((s) => s.record?.outcome === 'held') ? 'plan-complete' : 'period-end';
}

/** The place the application holds, in service or only offered, goes back. */
function placeRelease(application: Application, at: string): TransactItem[] {
  const holder =
    application.providerId && application.counsellorId ? { agencyId: application.providerId, counsellorId: application.counsellorId } : application.match?.reservation;
  return holder ? releaseWrites({ agencyId: holder.agencyId, counsellorId: holder.counsellorId }, application.id, at) : [];
}

/**
 * What the workflow was waiting on, closed: a task holding a token (an urgent risk task stays open —
 * it stops no workflow and still needs its acknowledgement), the open offer, the waiting-list entry.
 * The entry goes only while no place is assigned to it, or with the place we release: a batch that
 * assigned one after our read fails this transaction, and the retry releases that place too.
 */
function openItemsClosed(application: Application, tasks: readonly HumanTask[], offer: Awaited<ReturnType<typeof openOfferOf>>): TransactItem[] {
  const waiting = tasks.filter((t) => t.state === 'open' && t.taskToken).map((t) => closeTaskWrite(t, 'cancelled'));
  const entry: TransactItem = {
    Delete: {
      TableName: env.tableName(),
      Key: keys.waitlistEntry(application.id),
      ...(application.match?.reservation ? {} : { ConditionExpression: 'attribute_not_exists(assignedCounsellorId)' }),
    },
  };
  return [...waiting, ...(offer ? [closeOfferWrite(offer, 'cancelled')] : []), entry];
}
