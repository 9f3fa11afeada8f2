import * as z from 'zod/mini';
import { isDistrictCode } from '../../forms/districts';
import { message } from '../../forms/messages';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { HttpProblem } from '../commons/problems';
import { requireDistrict, staffActor, staffMember } from '../commons/staff';
import { recordStaffRead } from '../access-log/record-access';
import { ledgerCsv } from './csv';
import { districtLedger, LedgerIncomplete } from './district-ledger';
import { appendLedgerExportAudit } from './ledger-month-store';
import { dynamoLedgerReads } from './ledger-reads';
import { isLedgerMonth } from './month';

const districtCode = message('district-code', { ko: '서울시 자치구 코드가 아닙니다', en: 'Not a Seoul district code' });
const ledgerMonth = message('ledger-month', { ko: '정산월을 YYYY-MM 형식으로 적어 주세요 (예: 2026-03)', en: 'Give the month as YYYY-MM (e.g. 2026-03)' });

export const querySchema = z.object({
  district: z.string({ error: districtCode }).check(z.refine(isDistrictCode, districtCode)),
  month: z.string({ error: ledgerMonth }).check(z.refine(isLedgerMonth, ledgerMonth)),
});

const incomplete = (error: LedgerIncomplete) =>
  new HttpProblem(409, 'ledger-incomplete', {
    ko: `본인부담 구간이 정해지지 않은 신청이 있어 정산 내역을 만들 수 없습니다: ${error.receiptNumbers.join(', ')}. 담당자가 자격 판정을 마친 뒤 다시 받아 주세요.`,
    en: `The ledger cannot be made while these applications have no copay decided: ${error.receiptNumbers.join(', ')}. Download it again once their case manager has decided.`,
  });

/**
 * GET /api/staff/ledger?district=11110&month=2026-03 — the district's voucher ledger of the month as
 * a CSV file for settlement: one row per application with a session used, then the totals. Case
 * managers and supervisors get their own districts, operators every district (as elsewhere); the
 * export is audited, naming the applications, before the file leaves.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const query = querySchema.parse(event.queryStringParameters ?? {});
  const { district, month } = query;
  requireDistrict(staff, district);
  const rows = await districtLedger(district, month, dynamoLedgerReads).catch((error: unknown) => {
    throw error instanceof LedgerIncomplete ? incomplete(error) : error;
  });
  await appendLedgerExportAudit({
    at: now().toISOString(),
    actor: staffActor(staff, event),
    district,
    month,
    rows: rows.length,
    applicationIds: rows.map((r) => r.applicationId),
  });
  // Each person in the file is in the access log too; the district's audit event above already tells the export.
  await recordStaffRead(event, staff, 'ledger.exported', rows.map((r) => ({ applicationId: r.applicationId, district })), { caseTrail: false, query });
  return {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="dolbom-ledger-${district}-${month}.csv"` },
    text: ledgerCsv(rows, { totals: true }),
  };
});
