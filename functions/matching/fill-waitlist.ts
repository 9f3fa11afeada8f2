import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { sfn } from '../commons/clients';
import { now } from '../commons/clock';
import { correlated, log } from '../commons/logger';
import { RetryableError, isTransient } from '../commons/transient-errors';
import type { Reservation } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { systemActor } from '../lifecycle/step-input';
import { freePlaces, type CounsellorForMatching } from '../providers/registry';
import { counsellorsForMatching } from '../providers/registry-store';
import { isSpentToken } from '../review/staff-task';
import { reserveWrites } from './places';
import { rankCandidates } from './rank';
import { planWaitlist } from './waitlist-plan';
import { assignEntryWrite, removeEntry, waitlistEntries, type WaitlistEntry } from './waitlist-store';

/** Reservations written side by side: enough to keep DynamoDB busy, few enough to stay polite. */
const PARALLEL_WRITES = 8;

/**
 * The waitlist batch, woken by capacity signals on the table's stream (a released place, a new or
 * re-activated counsellor, a raised capacity, a newly waiting application). It assigns the free
 * places to waiting applications so that priority ranks come first, then the total match quality is
 * the greatest possible, then those waiting longest (functions/matching/waitlist/), reserves each
 * place in a conditional transaction, and resumes each assigned execution through its token.
 *
 * Batches may overlap (two shards, a retry): every write is conditional, so the loser of a race
 * skips that assignment and the next signal places it. Signals carry no data: the batch reads the
 * current registry and waiting list, so a batch handles every signal before it at once.
 */
export const handler = correlated(async (): Promise<DynamoDBBatchResponse> => {
  try {
    const figures = await fillWaitlist();
    log.info('waitlist batch done', figures);
  } catch (error) {
    log.warn('waitlist batch failed', { error: (error as Error).name });
    throw isTransient(error) ? new RetryableError(error as Error) : error;
  }
  // One outcome for the whole batch: a failure above retries it all (the batch is idempotent).
  return { batchItemFailures: [] };
});

export async function fillWaitlist() {
  const entries = await waitlistEntries();
  // Assigned by an earlier batch that did not live to answer the token, or re-joined since.
  const assigned = entries.filter((e) => e.assignedCounsellorId);
  await inParallel(assigned, resume);

  const waiting = entries.filter((e) => !e.assignedCounsellorId);
  const free = waiting.length ? (await counsellorsForMatching()).filter((c) => freePlaces(c) > 0) : [];
  if (!free.length) return { waiting: waiting.length, free: 0, planned: 0, placed: 0, resumed: assigned.length };

  const at = now().toISOString();
  const { assignments: plan, stats } = planWaitlist(
    waiting.map((e) => e.request),
    free,
    at,
  );
  const byApplication = new Map(waiting.map((e) => [e.applicationId, e]));
  const byCounsellor = new Map(free.map((c) => [c.counsellorId, c]));
  let placed = 0;
  await inParallel(plan, async ({ applicationId, counsellorId }) => {
    const entry = byApplication.get(applicationId)!;
    if (await assign(entry, byCounsellor.get(counsellorId)!, at)) {
      placed += 1;
      await resume({ ...entry, assignedCounsellorId: counsellorId });
    }
  });
  return { waiting: waiting.length, free: free.length, planned: plan.length, placed, resumed: assigned.length, solverMs: Math.round(stats.ms.total) };
}

/** Reserves the place for the entry's application; false when the place or the entry went meanwhile. */
async function assign(entry: WaitlistEntry, counsellor: CounsellorForMatching, at: string): Promise<boolean> {
  const [candidate] = rankCandidates(entry.request, [counsellor], at, 1);
  if (!candidate) return false;
  const application = await requireApplication(entry.applicationId);
  if (application.status !== 'waitlisted' || application.match?.reservation) return false;
  const reservation: Reservation = {
    agencyId: counsellor.agencyId,
    counsellorId: counsellor.counsellorId,
    reservedAt: at,
    via: 'waitlist',
    score: candidate.score,
    reason: candidate.reason,
  };
  try {
    const done = await transition(entry.applicationId, {
      from: ['waitlisted'],
      to: 'waitlisted',
      set: { match: { candidates: [candidate], excludedCounsellorIds: [], rankedAt: at, ...application.match, reservation } },
      once: 'match.reservation',
      audit: auditEvent({
        applicationId: entry.applicationId,
        at,
        actor: systemActor('FillWaitlist'),
        action: 'provider.reserved',
        detail: { agencyId: counsellor.agencyId, counsellorId: counsellor.counsellorId, score: candidate.score, via: 'waitlist' },
      }),
      with: [
        ...reserveWrites({ ...reservation, applicationId: entry.applicationId, programme: entry.programme, state: 'offered' }),
        assignEntryWrite(entry, counsellor.agencyId, counsellor.counsellorId),
      ],
    });
    return done.applied;
  } catch (error) {
    if ((error as Error).name === 'InvalidTransition') return false;
    throw error;
  }
}

/** Answers the entry's token so its execution goes on to the offer, then takes the entry off the list. */
async function resume(entry: WaitlistEntry): Promise<void> {
  try {
    await sfn().send(new SendTaskSuccessCommand({ taskToken: entry.taskToken, output: JSON.stringify({ counsellorId: entry.assignedCounsellorId }) }));
  } catch (error) {
    // The wait ended another way (its recheck timeout): matching finds the reserved place itself.
    if (!isSpentToken(error)) throw error;
  }
  await removeEntry(entry);
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, items.length) }, worker));
}
