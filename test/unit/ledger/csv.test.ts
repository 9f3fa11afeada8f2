import { describe, expect, it } from 'vitest';
import { parent } from '../../../forms/programmes/parent';
import { monthlyLedgerRow, type LedgerRow } from '../../../functions/ledger/charge';
import { ledgerCsv } from '../../../functions/ledger/csv';

function row(providerName: string): LedgerRow {
  return monthlyLedgerRow({
    month: '2026-03',
    applicationId: 'A-1',
    receiptNumber: 'DB-2026-ABCD1234',
    district: '11440',
    programme: parent,
    copay: { tier: 'tier2', ratePercent: 20 },
    provider: { id: 'AG-1', name: providerName },
    sessions: [{ heldOn: '2026-03-02', outcome: 'held' }],
  });
}

/** The file's records without the BOM, split on CRLF (no cell in these rows holds a line break). */
const records = (csv: string) => csv.slice(1).split('\r\n');

describe('ledgerCsv', () => {
  const csv = ledgerCsv([row('마음숲 상담센터, 마포점 "본점"')]);

  it('starts with the UTF-8 byte-order mark and ends every line, the last too, with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(records(csv)).toHaveLength(3); // header, one row, and the empty string after the last CRLF
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('names each column in Korean and English', () => {
    const header = records(csv)[0]!.split(',');
    expect(header[1]).toBe('접수번호 (Receipt number)');
    expect(header.at(-1)).toBe('정부지원금(원) (Government share KRW)');
    expect(header).toHaveLength(19);
  });

  it('quotes a name with a comma and doubles its quotes (RFC 4180), leaving plain cells bare', () => {
    expect(records(csv)[1]).toBe(
      [
        'A-1',
        'DB-2026-ABCD1234',
        '부모심리지원서비스',
        '11440',
        '마포구',
        '2026-03',
        'AG-1',
        '"마음숲 상담센터, 마포점 ""본점"""',
        '',
        '월 (month)',
        '240000',
        '4',
        '1',
        '1',
        '60000',
        'tier2',
        '20',
        '12000',
        '48000',
      ].join(','),
    );
  });

  it('quotes a line break, and keeps a text that would be a spreadsheet formula as text', () => {
    const lines = ledgerCsv([row('=HYPERLINK("http://x")'), row('줄\r\n바꿈')]);
    expect(lines).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(lines).toContain(',"줄\r\n바꿈",');
  });

  it('writes only the header for an empty month', () => {
    expect(records(ledgerCsv([]))).toHaveLength(2);
  });

  it('adds a totals row on request: sessions and KRW summed, the label in the first column, other cells empty', () => {
    const rows = [row('마음숲 상담센터'), { ...row('하늘 아동발달센터'), sessionsUsed: 5, sessionsCharged: 4, amountKrw: 240_000, copayKrw: 48_000, governmentKrw: 192_000 }];
    const lines = records(ledgerCsv(rows, { totals: true }));
    expect(lines).toHaveLength(5); // header, two rows, totals, and the empty string after the last CRLF
    expect(lines[3]).toBe(['합계 (Total)', '', '', '', '', '', '', '', '', '', '', '', '6', '5', '300000', '', '', '60000', '240000'].join(','));
    expect(records(ledgerCsv([], { totals: true }))[1]).toBe(['합계 (Total)', ...Array(11).fill(''), '0', '0', '0', '', '', '0', '0'].join(','));
  });
});
