import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { HttpProblem } from '../commons/problems';
import { staffActor, staffMember } from '../commons/staff';
import { idempotencyKeySchema } from '../submission/idempotency';
import { bulkDecisionBody } from './bulk-body';
import { jobIdFor, newJob } from './bulk-job';
import { getJob, putNewJob } from './bulk-store';
import { startBulkJob } from './start-bulk-job';

const keyNeeded = () =>
  new HttpProblem(400, 'invalid-input', { ko: '입력값을 확인해 주세요.', en: 'Some fields are missing or invalid.' }, [
    {
      field: 'Idempotency-Key',
      code: 'idempotency-key-required',
      message: {
        ko: 'Idempotency-Key 헤더(8~128자의 영문, 숫자, _ . : -)가 필요합니다. 같은 키로 다시 보내면 같은 작업을 돌려받습니다',
        en: 'An Idempotency-Key header (8–128 letters, digits or _ . : -) is needed: sent again with the same key, you get the same job back',
      },
    },
  ]);

const keyUsedForAnotherJob = () =>
  new HttpProblem(409, 'idempotency-key-reused', {
    ko: '이 Idempotency-Key로 다른 일괄 결정을 이미 시작했습니다. 새 일괄 결정에는 새 키를 쓰세요.',
    en: 'This Idempotency-Key already started a different bulk decision. Use a new key for a new one.',
  });

/**
 * POST /api/staff/bulk-decisions — a case manager decides several review tasks at once: the body is
 * checked whole here (400 with each field's reason), stored as a job with every case pending, and the
 * job's execution decides the cases one by one (decide-bulk-item.ts), each through the single
 * decision's checks. 202 with the job's id: GET …/{jobId} follows it. The same person's same
 * Idempotency-Key returns the same job (a double click makes one job); with another body, 409.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const body = bulkDecisionBody.parse(event.jsonBody);
  const key = idempotencyKeySchema.safeParse(event.headers?.['idempotency-key']);
  if (!key.success || !key.data) throw keyNeeded();
  const job = newJob(jobIdFor(staff.userId, key.data), staff, staffActor(staff, event), body, now().toISOString());
  const stored = (await putNewJob(job)) ? job : await getJob(job.jobId);
  if (!stored || stored.fingerprint !== job.fingerprint) throw keyUsedForAnotherJob();
  // Started on every POST, so a job stored by a request that died before starting it starts now.
  await startBulkJob(stored);
  return {
    status: 202,
    body: { jobId: stored.jobId, total: stored.total },
    headers: { location: `/api/staff/bulk-decisions/${stored.jobId}` },
  };
});
