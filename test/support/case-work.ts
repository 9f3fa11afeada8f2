import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { childExample, parentExample, youthExample, patched } from './answers';
import { eventually, type clientsFor } from './clients';

type Clients = ReturnType<typeof clientsFor>;

export interface Receipt {
  applicationId: string;
  receiptNumber: string;
  accessCode: string;
}

const examples = { youth: youthExample, 'child-adolescent': childExample, parent: parentExample };

export const LIFECYCLE_EXECUTION = (name: string) => `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${name}`;

/** A case manager's day against one local cloud: citizens submit, staff read queues and case files. */
export function caseWork(clients: Clients) {
  const { http } = clients;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** An eligible application of `programme` in 종로구 with a name of its own (and `patch` on the example answers), as a citizen submits it. */
  async function submitApplication(programme: keyof typeof examples, patch: Record<string, unknown> = {}): Promise<Receipt> {
    const answers = patched(examples[programme] as Record<string, unknown>, { applicant: { district: '11110', name: `시험${randomUUID().slice(0, 8)}` }, ...patch });
    const key = randomUUID();
    // A 503 asks for the same request again shortly: with the same key, it is accepted once.
    for (let attempt = 1; ; attempt++) {
      const response = await http('POST', '/api/applications', { programme, answers }, { 'idempotency-key': key });
      if (response.status === 202) return response.body as Receipt;
      if (response.status !== 503 || attempt === 5) throw new Error(`submit: ${response.status} ${JSON.stringify(response.body)}`);
      await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
    }
  }

  /** An eligible youth application in `district` (종로구 by default), as a citizen submits it. */
  function submitYouth(district = '11110'): Promise<Receipt> {
    return submitApplication('youth', { applicant: { district, name: `시험${randomUUID().slice(0, 8)}` } });
  }

  async function citizenView(receipt: Receipt) {
    return (await http('GET', `/api/applications/${receipt.applicationId}`, undefined, { 'x-access-code': receipt.accessCode })).body;
  }

  function untilStatus(receipt: Receipt, status: string | string[], timeoutMs = 60_000) {
    const wanted = [status].flat();
    return eventually(
      async () => {
        const view = await citizenView(receipt);
        return wanted.includes(view?.status) ? view : undefined;
      },
      `application ${receipt.applicationId} to be ${wanted.join(' or ')}`,
      timeoutMs,
    );
  }

  async function caseFile(token: string, applicationId: string) {
    const response = await http('GET', `/api/staff/applications/${applicationId}`, undefined, bearer(token));
    if (response.status !== 200) throw new Error(`case file: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** The application's open task of `kind`, as its case file lists it. */
  function untilOpenTask(token: string, applicationId: string, kind = 'review', not?: string) {
    return eventually(async () => {
      const file = await caseFile(token, applicationId);
      return file.tasks.find((t: { kind: string; state: string; taskId: string }) => t.kind === kind && t.state === 'open' && t.taskId !== not);
    }, `an open ${kind} task for ${applicationId}`);
  }

  async function auditTrail(token: string, applicationId: string) {
    const response = await http('GET', `/api/staff/applications/${applicationId}/audit`, undefined, bearer(token));
    if (response.status !== 200) throw new Error(`audit: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.events as { action: string; at: string; actor: Record<string, unknown>; note?: string; detail?: Record<string, unknown> }[];
  }

  function decide(token: string, taskId: string, body: unknown) {
    return http('POST', `/api/staff/tasks/${taskId}/decision`, body, bearer(token));
  }

  return { bearer, submitApplication, submitYouth, citizenView, untilStatus, caseFile, untilOpenTask, auditTrail, decide };
}
