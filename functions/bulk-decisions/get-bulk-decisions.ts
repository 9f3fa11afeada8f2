import { httpHandler } from '../commons/http';
import { problem } from '../commons/problems';
import { staffMember } from '../commons/staff';
import { isJobId, jobView, mayRead } from './bulk-job';
import { getJob } from './bulk-store';

/**
 * GET /api/staff/bulk-decisions/{jobId} — a job's progress (done / total) and each case's result,
 * for the person who started it or a supervisor of their districts; 404 to anyone else, as for a job
 * that does not exist. It shows receipt numbers and outcomes of decisions, no one's name or answers
 * (opening a case from it is a read of its own, recorded there): no access record is written.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const jobId = event.pathParameters?.jobId ?? '';
  const job = isJobId(jobId) ? await getJob(jobId) : undefined;
  if (!job || !mayRead(staff, job)) throw problem.notFound({ ko: '일괄 결정', en: 'Bulk decision' });
  return { status: 200, body: jobView(job) };
});
