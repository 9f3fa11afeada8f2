import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import type { Application, MatchState, Reservation } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { InvalidTransition, requireApplication, transition } from '../applications/store';
import { RetryableError } from '../commons/transient-errors';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { counsellorsForMatching } from '../providers/registry-store';
import type { Candidate } from './match-types';
import { reserveWrites } from './places';
import { rankCandidates } from './rank';
import { requestFor } from './request-for';

/** Candidates kept on the application for staff to read (the offer goes to them in this order). */
const CANDIDATES_KEPT = 5;

/**
 * MatchProvider: ranks the counsellors who meet every hard constraint and reserves a place with the
 * best one — the case manager's choice first, when they made one and it still fits — in one
 * transaction with the application, so a counsellor is never over capacity however many matchers
 * race. A counsellor filled meanwhile → the next candidate. Nobody free → `reserved: false` and the
 * application joins the waiting list. A place already held (a retry, or the waitlist batch's
 * assignment) is answered as it stands.
 */
export const handler = workflowStep('MatchProvider', stepInput, async ({ applicationId, period }) => {
  const application = await matchingFrom(await requireApplication(applicationId), period);
  if (application.match?.reservation) return reserved(application.match.reservation);

  const at = now().toISOString();
  const request = requestFor(application, at);
  const candidates = rankCandidates(request, await counsellorsForMatching(), at, CANDIDATES_KEPT);
  const proposed = candidates.find((c) => c.counsellorId === application.match?.proposedCounsellorId);
  const order = proposed ? [proposed, ...candidates.filter((c) => c !== proposed)] : candidates;
  const match: MatchState = {
    excludedCounsellorIds: [],
    ...application.match,
    candidates,
    rankedAt: at,
    waitingSince: request.waitingSince,
  };

  for (const candidate of order) {
    const reservation: Reservation = {
      agencyId: candidate.agencyId,
      counsellorId: candidate.counsellorId,
      reservedAt: at,
      via: candidate === proposed ? 'proposal' : 'ranking',
      score: candidate.score,
      reason: candidate.reason,
    };
    const held = await reserve(application, { ...match, reservation }, candidate, at);
    if (held) return reserved(held);
  }
  return { reserved: false, candidates: candidates.length };
});

function reserved(reservation: Reservation) {
  return { reserved: true, agencyId: reservation.agencyId, counsellorId: reservation.counsellorId };
}

/**
 * One place with `candidate`, or undefined when they filled up meanwhile. A place this application
 * already holds (an earlier attempt of this step) is returned instead.
 */
async function reserve(application: Application, match: MatchState, candidate: Candidate, at: string): Promise<Reservation | undefined> {
  const status = application.status === 'waitlisted' ? 'waitlisted' : 'matching';
  const done = await movedMeanwhileIsRetryable(() =>
    transition(application.id, {
    from: [status],
    to: status,
    set: { match },
    once: 'match.reservation',
    audit: auditEvent({
      applicationId: application.id,
      at,
      actor: systemActor('MatchProvider'),
      action: 'provider.reserved',
      detail: { agencyId: candidate.agencyId, counsellorId: candidate.counsellorId, score: candidate.score, via: match.reservation!.via },
    }),
    with: reserveWrites({
      agencyId: candidate.agencyId,
      counsellorId: candidate.counsellorId,
      applicationId: application.id,
      programme: application.programme,
      state: 'offered',
      reservedAt: at,
    }),
    }),
  );
  if (done.applied) return match.reservation;
  // The condition failed: the counsellor is full (try the next), or a place is already held.
  return done.current.match?.reservation;
}

/**
 * An extension whose counsellor could not keep the person (StartNextPeriod released the place) starts
 * its execution here: the application moves from `extended` to `matching` first, so every later step
 * of matching finds the status it expects. Any other status is matching's own.
 */
async function matchingFrom(application: Application, period: number): Promise<Application> {
  if (application.status !== 'extended') return application;
  await transition(application.id, {
    from: ['extended'],
    to: 'matching',
    audit: auditEvent({
      applicationId: application.id,
      at: now().toISOString(),
      actor: systemActor('MatchProvider'),
      action: 'matching.restarted',
      status: 'matching',
      visibleToApplicant: true,
      detail: { period },
    }),
  });
  return requireApplication(application.id);
}

/**
 * The application went between matching and the waitlist while this attempt looked (the waitlist
 * batch placed it, or another attempt waitlisted it): the status it read is stale, so the step runs
 * again on what the application is now — then it finds the place it holds, or looks afresh.
 */
async function movedMeanwhileIsRetryable<T>(move: () => Promise<T>): Promise<T> {
  try {
    return await move();
  } catch (error) {
    if (error instanceof InvalidTransition && (error.status === 'matching' || error.status === 'waitlisted')) throw new RetryableError(error);
    throw error;
  }
}
