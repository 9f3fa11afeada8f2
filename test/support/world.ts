import type { Receipt } from './case-work';
import type { clientsFor } from './clients';
import { staffUsers, type StaffActor, type World } from './authorization-matrix';
import { providerWork } from './provider-offers';

type Clients = ReturnType<typeof clientsFor>;

const AGENCY = 'P-MAEUMSUP';

/** The local clock's Seoul day (YYYY-MM-DD). */
export async function seoulToday(clients: Clients): Promise<string> {
  const { body } = await clients.http('GET', '/local/clock');
  return new Date(Date.parse(body.now) + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Every staff actor of the matrix, signed in. */
export async function signedIn(clients: Clients): Promise<Record<StaffActor, string>> {
  const tokens = {} as Record<StaffActor, string>;
  for (const [actor, user] of Object.entries(staffUsers)) tokens[actor as StaffActor] = await clients.signIn(user);
  return tokens;
}

/**
 * The objects the authorization matrix (and the hostile-input drill) asks the routes about, built
 * through the API as people would: a case in service with 마음숲 (P-MAEUMSUP) with a session held
 * today, an open offer to it, a review task, a supervision request, a bulk decision job.
 */
export async function buildWorld(clients: Clients, tokens: Record<StaffActor, string>): Promise<World> {
  const work = providerWork(clients);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const expectStatus = (answer: { status: number; body: unknown }, status: number, what: string) => {
    if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  const offeredToAgency = async (receipt: Receipt) => {
    await work.approveOfferingTo(receipt, AGENCY);
    const offer = await work.untilPortalOffer(tokens.provider, receipt.applicationId);
    return { ...receipt, offerId: offer.offerId };
  };

  const [toServe, toOffer, inReview] = await Promise.all([work.submitYouth(), work.submitYouth(), work.submitYouth()]);
  const [serving, offered, task] = await Promise.all([
    offeredToAgency(toServe),
    offeredToAgency(toOffer),
    work.untilStatus(inReview, 'awaiting-review').then(() => work.untilOpenTask(tokens.caseworker, inReview.applicationId)),
  ]);
  expectStatus(await clients.http('POST', `/api/provider/offers/${serving.offerId}/decision`, { decision: 'accept' }, bearer(tokens.provider)), 202, 'accept');
  await work.untilStatus(toServe, 'in-service');

  // A session held today puts the served application in this month's ledger of 종로구.
  const sessionsPath = `/api/provider/applications/${toServe.applicationId}/sessions`;
  const plan = (await clients.http('GET', sessionsPath, undefined, bearer(tokens.provider))).body.sessions as { sessionId: string; plannedMinutes: number }[];
  const today = await seoulToday(clients);
  expectStatus(
    await clients.http('PUT', `${sessionsPath}/${plan[0]!.sessionId}`, { outcome: 'held', on: today, durationMinutes: plan[0]!.plannedMinutes }, bearer(tokens.provider)),
    200,
    'session',
  );

  // A supervision request on the served case, asked by its caseworker (open: a supervisor may take it on).
  const supervision = await clients.http(
    'POST',
    `/api/staff/applications/${toServe.applicationId}/supervision`,
    { question: '등교 거부가 길어지는 사례, 다음 개입을 어떻게 할까요?', tried: '학교 사회복지사와 사례회의 1회', urgency: 'routine', preferredForm: 'in-office' },
    bearer(tokens.caseworker),
  );
  expectStatus(supervision, 201, 'supervision');

  // A bulk decision job of the caseworker's, on a task that does not exist: its one case is refused, nothing changes.
  const job = await clients.http(
    'POST',
    '/api/staff/bulk-decisions',
    { taskIds: [`${toServe.applicationId}.AAAAAAAAAAAAAAAA`], decision: 'approve', note: '권한 점검용' },
    { ...bearer(tokens.caseworker), 'idempotency-key': `matrix-${toServe.applicationId}` },
  );
  expectStatus(job, 202, 'bulk job');

  const counsellors = await clients.http('GET', `/api/registry/agencies/${AGENCY}/counsellors`, undefined, bearer(tokens.operator));
  return {
    supervisionId: supervision.body.requestId,
    served: toServe,
    offered,
    inReview: { ...inReview, taskId: task.taskId },
    agencyId: AGENCY,
    counsellorId: counsellors.body.counsellors[0].counsellorId,
    month: today.slice(0, 7),
    bulkJobId: job.body.jobId,
  };
}
