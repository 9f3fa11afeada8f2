import { randomUUID } from 'node:crypto';
import { youthExample, patched } from './answers';
import { eventually, type clientsFor } from './clients';

type Clients = ReturnType<typeof clientsFor>;

export interface Receipt {
  applicationId: string;
  receiptNumber: string;
  accessCode: string;
}

export const LIFECYCLE_EXECUTION = (name: string) => `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${name}`;

/** A case manager's day against one local cloud: citizens submit, staff read queues and case files. */
export function caseWork(clients: Clients) {
  const { http } = clients;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** An eligible youth application in `district` (종로구 by default), as a citizen submits it. */
  async function submitYouth(district = '11110'): Promise<Receipt> {
    const answers = patched(youthExample, { applicant: { district, name: `시험${randomUUID().slice(0, 8)}` } });
    const response = await http('POST', '/api/applications', { programme: 'youth', answers }, { 'idempotency-key': randomUUID() });
    if (response.status !== 202) throw new Error(`submit: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Receipt;
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

  return { bearer, submitYouth, citizenView, untilStatus, caseFile, untilOpenTask, auditTrail, decide };
}
