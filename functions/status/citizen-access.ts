import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { now, nowMs } from '../commons/clock';
import { HttpProblem, problem } from '../commons/problems';
import { publicView, type Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { accessCodeMatches, isApplicationId, standInApplicationId } from '../applications/identifiers';
import { accessDeniedPut, auditPut, findApplicationIdByReceipt, getAccessCodeHash, getApplication, listAudit, type TransactItem } from '../applications/store';
import { copayDue } from '../ledger/copay-due';
import { periodsOf } from '../ledger/ledger-reads';
import { accessCodeKey } from '../privacy/access-code-key';
import { getAgency } from '../providers/registry-store';
import { seoulDay } from '../service-period/schedule';
import { sessionsOf } from '../service-period/session-store';
import { countMiss, isCounterRace, readGuessCounter, stillAsRead, type GuessCounter } from './guess-counters';
import { afterMiss, clientOf, lockedUntil, perApplication, perClient } from './guessing-limits';
import { citizenService, showsService } from './service-view';
import { explanation, timeline } from './timeline';
import { whatNext } from './what-next';
import { getProgrammeTerms, isProgrammeId } from '../../forms/terms';
import { districtName, isDistrictCode } from '../../forms/districts';
import { slaDueAt } from '../review/queue-sla';
import { tasksOfApplication } from '../review/task-store';
import { closingView } from '../closure/citizen-closing';
import { supplementAsked } from '../supplements/citizen-view';
import { citizenRejection } from '../closure/rejection';

// One answer for "no such application" and "wrong code", so ids and receipts cannot be probed.
const notFoundOrWrongCode = () =>
  new HttpProblem(404, 'not-found', {
    ko: '신청을 찾을 수 없거나 접근 코드가 맞지 않습니다.',
    en: 'No application matches, or the access code is wrong.',
  });

/** Counters changed under us this many times in a row: answer 429 rather than keep racing. */
const MAX_TRIES = 4;

interface Attempt {
  /** The application tried: a real one, or the stand-in of an unknown receipt or id. */
  applicationId: string;
  accessCode: string;
  sourceIp: string;
  receiptNumber?: string;
}

/** GET /api/applications/{id} with the code in a header. A malformed id or code names nothing: 404 at once. */
export async function openById(applicationId: string, accessCode: string | undefined, sourceIp: string) {
  await admitById(applicationId, accessCode, sourceIp, 'application.viewed');
  return citizenView(applicationId);
}

/**
 * The same check as `openById` — guessing limits, one answer for unknown and wrong, audited as
 * `action` — for a citizen's request that changes the application (a withdrawal).
 */
export async function admitById(applicationId: string, accessCode: string | undefined, sourceIp: string, action: string): Promise<void> {
  if (!accessCode || accessCode.length > 64 || !isApplicationId(applicationId)) throw notFoundOrWrongCode();
  await admit({ applicationId, accessCode, sourceIp }, action);
}

/** The status page: receipt number and code. An unknown receipt is tried as its stand-in application. */
export async function openByReceipt(receiptNumber: string, accessCode: string, sourceIp: string) {
  const applicationId = (await findApplicationIdByReceipt(receiptNumber)) ?? standInApplicationId(await accessCodeKey(), receiptNumber);
  await admit({ applicationId, accessCode, sourceIp, receiptNumber }, 'application.viewed');
  return citizenView(applicationId);
}

/**
 * Admits a citizen who holds the application's access code, within the guessing limits, and
 * audits the read (as `action`) or the miss. A known and an unknown application take the same path — the same
 * three reads, one HMAC, one three-item transaction — and give the same 404, so neither the answer nor
 * its timing tells whether it exists.
 */
async function admit(attempt: Attempt, action: string): Promise<void> {
  const key = await accessCodeKey();
  for (let tries = 1; ; tries++) {
    const at = nowMs();
    const [stored, client, application] = await Promise.all([
      getAccessCodeHash(attempt.applicationId),
      readGuessCounter('client', clientOf(attempt.sourceIp), perClient),
      readGuessCounter('application', attempt.applicationId, perApplication),
    ]);
    const locked = Math.max(lockedUntil(client.stored, perClient, at), lockedUntil(application.stored, perApplication, at));
    if (locked > at) throw problem.tooManyAttempts(Math.ceil((locked - at) / 1000));

    const opens = accessCodeMatches(key, attempt.applicationId, attempt.accessCode, stored);
    const writes = opens ? viewed(attempt, at, client, application, action) : denied(attempt, at, client, application);
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: writes }));
    } catch (error) {
      if (!isCounterRace(error)) throw error;
      if (tries === MAX_TRIES) throw problem.tooManyAttempts(1);
      continue;
    }
    if (!opens) throw notFoundOrWrongCode();
    return;
  }
}

/** The read, audited, if no miss was counted meanwhile (a lock may have begun). */
function viewed(attempt: Attempt, at: number, client: GuessCounter, application: GuessCounter, action: string): TransactItem[] {
  const event = auditEvent({
    applicationId: attempt.applicationId,
    at: new Date(at).toISOString(),
    actor: { kind: 'citizen', sourceIp: attempt.sourceIp },
    action,
  });
  return [stillAsRead(client), stillAsRead(application), auditPut(event)];
}

/** The miss, counted against the client and the application, and audited with the lock it begins. */
function denied(attempt: Attempt, at: number, client: GuessCounter, application: GuessCounter): TransactItem[] {
  const clientAfter = afterMiss(client.stored, perClient, at);
  const applicationAfter = afterMiss(application.stored, perApplication, at);
  const lockedAfter = Math.max(lockedUntil(clientAfter, perClient, at), lockedUntil(applicationAfter, perApplication, at));
  const event = auditEvent({
    applicationId: attempt.applicationId,
    at: new Date(at).toISOString(),
    actor: { kind: 'citizen', sourceIp: attempt.sourceIp },
    action: 'access.denied',
    detail: {
      receiptNumber: attempt.receiptNumber ?? null,
      clientMisses: clientAfter.misses,
      applicationMisses: applicationAfter.misses,
      lockedUntil: lockedAfter ? new Date(lockedAfter).toISOString() : null,
    },
  });
  return [countMiss(client, clientAfter), countMiss(application, applicationAfter), accessDeniedPut(event)];
}

async function citizenView(applicationId: string) {
  const application = await getApplication(applicationId, false);
  if (!application) throw notFoundOrWrongCode();
  const [audit, service, supplement, taskDueOn] = await Promise.all([
    listAudit(applicationId),
    serviceOf(application),
    supplementAsked(application),
    openTaskDueOn(application),
  ]);
  const closing = closingView(application);
  const rejection = citizenRejection(application);
  return {
    ...publicView(application),
    // Named for the page, so it needs no programme definitions (issue 10: small pages).
    programmeName: isProgrammeId(application.programme) ? getProgrammeTerms(application.programme).name : { ko: application.programme, en: application.programme },
    districtName: isDistrictCode(application.district) ? districtName(application.district) : { ko: application.district, en: application.district },
    timeline: timeline(audit),
    next: whatNext(application, {
      today: seoulDay(now()),
      taskDueOn,
      supplementDueOn: supplement?.dueAt ? seoulDay(new Date(supplement.dueAt)) : undefined,
      nextSessionOn: service?.nextSessionOn,
      periodEndsOn: application.servicePeriod ? seoulDay(new Date(application.servicePeriod.endsAt)) : undefined,
      appealBy: rejection?.appeal.by,
      closing: 'closing' in closing,
    }),
    eligibility: explanation(application),
    ...(service ? { service } : {}),
    ...closing,
    ...(supplement ? { supplement } : {}),
    ...(rejection ? { rejection } : {}),
  };
}

/** While a review or re-assessment waits on a case manager: the day it is due (the first due day, if escalated). */
async function openTaskDueOn(application: Application): Promise<string | undefined> {
  if (application.status !== 'awaiting-review' && application.status !== 'reassessment') return undefined;
  const open = (await tasksOfApplication(application.id)).filter((t) => t.state === 'open' && (t.kind === 'review' || t.kind === 'reassessment'));
  const due = open.map(slaDueAt).sort()[0];
  return due ? seoulDay(new Date(due)) : undefined;
}

/**
 * While the agency serves the person: its name and phone, sessions used and left and the next session
 * (of the current period), and this month's copay (over every period: a month may end one and begin the next).
 */
async function serviceOf(application: Application) {
  if (!showsService(application)) return undefined;
  const [agency, periods] = await Promise.all([
    getAgency(application.providerId!, false),
    Promise.all(periodsOf(application).map((p) => sessionsOf(application.id, p))),
  ]);
  const today = seoulDay(now());
  const current = periods[application.servicePeriod!.period - 1] ?? [];
  return agency ? citizenService(agency, current, today, copayDue(application, periods.flat(), today)) : undefined;
}
