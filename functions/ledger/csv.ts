/**
 * The ledger as a CSV file for settlement, per district and month: opened in Excel in Korea, so UTF-8
 * with a byte-order mark (without it Excel reads the Korean as CP949 mojibake), RFC 4180 quoting and
 * CRLF line ends. One header row, each column named in Korean and English.
 */
import type { LedgerRow } from './charge';

type Cell = string | number | null;

const sum = (rows: readonly LedgerRow[], field: 'sessionsUsed' | 'sessionsCharged' | 'amountKrw' | 'copayKrw' | 'governmentKrw') =>
  rows.reduce((total, row) => total + row[field], 0);

/** `total`: the column's cell in the totals row (empty where a sum means nothing, such as a unit price). */
const columns: { header: string; cell: (row: LedgerRow) => Cell; total?: (rows: readonly LedgerRow[]) => Cell }[] = [
  { header: '신청 ID (Application ID)', cell: (r) => r.applicationId, total: () => TOTAL_LABEL },
  { header: '접수번호 (Receipt number)', cell: (r) => r.receiptNumber },
  { header: '사업 (Programme)', cell: (r) => r.programmeName.ko },
  { header: '자치구 코드 (District code)', cell: (r) => r.district },
  { header: '자치구 (District)', cell: (r) => r.districtName.ko },
  { header: '정산월 (Month)', cell: (r) => r.month },
  { header: '제공기관 ID (Provider ID)', cell: (r) => r.providerId },
  { header: '제공기관 (Provider)', cell: (r) => r.providerName },
  { header: '바우처 유형 (Voucher type)', cell: (r) => r.voucherType },
  { header: '단가 기준 (Price per)', cell: (r) => (r.priceUnit === 'month' ? '월 (month)' : '회 (session)') },
  { header: '단가(원) (Unit price KRW)', cell: (r) => r.unitPriceKrw },
  { header: '월 계획 횟수 (Sessions planned)', cell: (r) => r.plannedSessions },
  { header: '이용 횟수 (Sessions used)', cell: (r) => r.sessionsUsed, total: (rows) => sum(rows, 'sessionsUsed') },
  { header: '청구 횟수 (Sessions charged)', cell: (r) => r.sessionsCharged, total: (rows) => sum(rows, 'sessionsCharged') },
  { header: '금액(원) (Amount KRW)', cell: (r) => r.amountKrw, total: (rows) => sum(rows, 'amountKrw') },
  { header: '본인부담 구간 (Copay tier)', cell: (r) => r.copayTier },
  { header: '본인부담률(%) (Copay rate %)', cell: (r) => r.copayRatePercent },
  { header: '본인부담금(원) (Copay KRW)', cell: (r) => r.copayKrw, total: (rows) => sum(rows, 'copayKrw') },
  { header: '정부지원금(원) (Government share KRW)', cell: (r) => r.governmentKrw, total: (rows) => sum(rows, 'governmentKrw') },
];

/**
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, or a leading tab or CR) gets a
 * leading apostrophe, so an agency name typed as "=HYPERLINK(…)" stays text (CSV injection). Numbers
 * are written as they are: the ledger's are never negative.
 */
function escape(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const TOTAL_LABEL = '합계 (Total)';
const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * The rows in the order given, after the header; every line, the last one too, ends with CRLF. With
 * `totals`, a last line sums sessions and KRW over the rows (labelled in the first column), so the
 * settlement's figures can be checked against the file without a formula.
 */
export function ledgerCsv(rows: readonly LedgerRow[], options: { totals?: boolean } = {}): string {
  const lines = [columns.map((c) => escape(c.header)), ...rows.map((row) => columns.map((c) => escape(c.cell(row))))];
  if (options.totals) lines.push(columns.map((c) => escape(c.total ? c.total(rows) : null)));
  return BOM + lines.map((cells) => cells.join(',') + CRLF).join('');
}
