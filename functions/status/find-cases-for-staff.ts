import * as z from 'zod/mini';
import { districtCodes } from '../../forms/districts';
import { hiddenCharactersBut } from '../../forms/hidden-characters';
import { message } from '../../forms/messages';
import { statusLabels } from '../applications/application';
import { applicationsNamed } from '../applications/applicant-name';
import { findApplicationIdByReceipt } from '../applications/store';
import { recordStaffRead } from '../access-log/record-access';
import { applicationSummaries, type ApplicationSummary } from '../applications/summaries';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { problem } from '../commons/problems';
import { requireDistrict, servesDistrict, staffMember } from '../commons/staff';
import { queueRow } from '../review/queue-rows';
import { asReceiptNumber } from '../review/queue-search';
import { tasksOfApplication } from '../review/task-store';

const receiptFormat = message('receipt-format', { ko: '접수번호 형식은 DB-2026-XXXXXXXX 입니다', en: 'Receipt numbers look like DB-2026-XXXXXXXX' });
const nameText = message('search-name', { ko: '신청인 이름 전체를 50자 이내로 입력해 주세요', en: 'Type the applicant’s full name, within 50 characters' });
const oneOf = message('case-search-one', { ko: '접수번호 또는 신청인 이름 중 하나로 찾아 주세요', en: 'Search by a receipt number or by an applicant name, one of the two' });
const UNSAFE = hiddenCharactersBut('');

export const querySchema = z
  .object({
    receipt: z.optional(
      z.pipe(
        z.string().check(z.refine((r) => asReceiptNumber(r) !== undefined, receiptFormat)),
        z.transform((r) => asReceiptNumber(r)!),
      ),
    ),
    name: z.optional(z.string().check(z.trim(), z.minLength(1, nameText), z.maxLength(50, nameText), z.refine((n) => !UNSAFE.test(n), nameText))),
  })
  .check(z.refine((q) => (q.receipt === undefined) !== (q.name === undefined), { path: ['receipt'], message: oneOf }));

/**
 * GET /api/staff/cases?receipt=DB-2026-XXXXXXXX | ?name=홍길동 — finds cases in the caller's districts,
 * whether or not a task is open: a citizen phoning with their receipt number or their name. A receipt
 * number of another district's case is refused (403) as every staff route refuses another district;
 * a name search only ever reads the caller's districts. Each case returned is audited as a staff read.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const query = querySchema.parse(event.queryStringParameters ?? {});
  let ids: string[];
  if (query.receipt !== undefined) {
    const id = await findApplicationIdByReceipt(query.receipt);
    if (!id) throw problem.notFound({ ko: '신청', en: 'Application' });
    ids = [id];
  } else {
    const districts = districtCodes.filter((d) => servesDistrict(staff, d));
    ids = (await applicationsNamed(query.name!, districts, 20)).map((a) => a.applicationId);
  }
  const summaries = await applicationSummaries(ids);
  const found = ids.map((id) => summaries.get(id)).filter((s): s is ApplicationSummary => s !== undefined);
  if (query.receipt !== undefined) {
    if (!found[0]) throw problem.notFound({ ko: '신청', en: 'Application' });
    requireDistrict(staff, found[0].district);
  }
  const at = now();
  const mine = found.filter((c) => servesDistrict(staff, c.district));
  const by = query.receipt ? 'receipt' : 'name';
  await recordStaffRead(event, staff, 'application.looked-up-by-staff', mine.map((c) => ({ applicationId: c.id, district: c.district, detail: { by } })), { query });
  const cases = await Promise.all(
    mine
      .map(async (summary) => {
        const tasks = (await tasksOfApplication(summary.id)).filter((t) => t.state === 'open');
        return {
          applicationId: summary.id,
          receiptNumber: summary.receiptNumber,
          applicantName: summary.applicantName,
          programme: summary.programme,
          district: summary.district,
          status: summary.status,
          statusLabel: statusLabels[summary.status],
          period: summary.period,
          submittedAt: summary.createdAt,
          updatedAt: summary.updatedAt,
          openTasks: tasks.map((t) => queueRow(t, summary, at)),
        };
      }),
  );
  return { status: 200, body: { cases } };
});
