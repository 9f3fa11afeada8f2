import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { approveAndAccept, cloud, local, statusOf, submission, submit, type Receipt } from '../support/cloud-test';

/**
 * The settlement export of 종로구 (11110) for a month of its own, against a computation by hand.
 *
 * The clock is first moved to the 1st of the next Seoul month, so the month is one no other test has
 * recorded sessions in, and both applications start service that day: their planned sessions fall
 * on the 8th, 15th and 22nd. Both are youth type A (600,000 KRW a package of 10 → 60,000 a session),
 * served by 마음숲 상담센터 (P-MAEUMSUP):
 *
 * | application | copay                      | recorded in the month            | amount              | copay  | government |
 * |-------------|----------------------------|----------------------------------|---------------------|--------|------------|
 * | standard    | youth 10 %                 | sessions 1, 2, 3 held            | 3 × 60,000 = 180,000 | 18,000 | 162,000    |
 * | leavingCare | youth-leaving-care 0 %     | 1 held, 2 no-show, 3 held        | 2 × 60,000 = 120,000 | 0      | 120,000    |
 * | total       |                            | 5 used, 5 charged                | 300,000             | 18,000 | 282,000    |
 */
const TABLE = 'dolbom-dev';
const DISTRICT = '11110';
const SEOUL_MS = 9 * 60 * 60 * 1000;

async function seoulToday(): Promise<string> {
  const { body } = await local.http('GET', '/local/clock');
  return new Date(Date.parse(body.now) + SEOUL_MS).toISOString().slice(0, 10);
}

/** The export as the browser gets it: raw bytes (the BOM included), status and headers. */
async function exportLedger(user: string, query: string) {
  const token = await local.signIn(user);
  const response = await fetch(`${cloud.api}/api/staff/ledger?${query}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { status: response.status, headers: response.headers, bytes, text, json: () => JSON.parse(text) };
}

/** The records of a CSV without quoted cells, as objects keyed by the header's English names. */
function parse(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  const names = header!.split(',').map((h) => /\(([^)]+)\)$/.exec(h)?.[1] ?? h);
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i]!, cell])));
}

describe('the settlement export (GET /api/staff/ledger)', () => {
  let month: string;
  let standard: Receipt;
  let leavingCare: Receipt;

  beforeAll(async () => {
    const today = await seoulToday();
    const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1));
    const days = Math.round((first.getTime() - Date.parse(today)) / 86_400_000);
    await local.advanceClock(`+${days}d`);
    month = first.toISOString().slice(0, 7);
    expect(await seoulToday()).toBe(`${month}-01`);

    standard = await submit(submission('youth'));
    leavingCare = await submit(submission('youth', { leavingCare: true }));
    await approveAndAccept(standard);
    await approveAndAccept(leavingCare);

    const provider = { authorization: `Bearer ${await local.signIn('provider.maeum')}` };
    const plans = await Promise.all(
      [standard, leavingCare].map(async (r) => (await local.http('GET', `/api/provider/applications/${r.applicationId}/sessions`, undefined, provider)).body.sessions),
    );
    const outcomes: [Receipt, string[]][] = [
      [standard, ['held', 'held', 'held']],
      [leavingCare, ['held', 'no-show', 'held']],
    ];
    for (const i of [0, 1, 2]) {
      const plannedOn = plans[0][i].plannedOn as string;
      expect(plannedOn.slice(0, 7)).toBe(month);
      while ((await seoulToday()) < plannedOn) await local.advanceClock('+1d');
      for (const [k, [receipt, said]] of outcomes.entries()) {
        const session = plans[k][i];
        const body = said[i] === 'held' ? { outcome: 'held', on: session.plannedOn, durationMinutes: session.plannedMinutes } : { outcome: 'no-show', on: session.plannedOn };
        const recorded = await local.http('PUT', `/api/provider/applications/${receipt.applicationId}/sessions/${session.sessionId}`, body, provider);
        expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
      }
    }
  }, 180_000);

  it("gives the district's case manager the month's CSV, equal to the hand computation, with a BOM and a file name", async () => {
    const answer = await exportLedger('caseworker.jongno', `district=${DISTRICT}&month=${month}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="dolbom-ledger-${DISTRICT}-${month}.csv"`);
    expect([...answer.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const records = parse(answer.text);
    const row = (receipt: Receipt) => records.find((r) => r['Application ID'] === receipt.applicationId);
    const figures = (r: Record<string, string> | undefined) =>
      r && [r['Sessions used'], r['Sessions charged'], r['Unit price KRW'], r['Amount KRW'], r['Copay rate %'], r['Copay KRW'], r['Government share KRW']];
    expect(figures(row(standard))).toEqual(['3', '3', '60000', '180000', '10', '18000', '162000']);
    expect(figures(row(leavingCare))).toEqual(['2', '2', '60000', '120000', '0', '0', '120000']);
    expect(row(standard)).toMatchObject({ 'Receipt number': standard.receiptNumber, 'Provider ID': 'P-MAEUMSUP', Provider: '마음숲 상담센터', 'Voucher type': 'A', Month: month, 'District code': DISTRICT, District: '종로구' });
    // Nobody else was served in 종로구 this month: two rows, then the totals.
    expect(records).toHaveLength(3);
    expect(records[2]!['Application ID']).toBe('합계 (Total)');
    expect(figures(records[2])).toEqual(['5', '5', '', '300000', '', '18000', '282000']);
  });

  it('lets an operator export any district; another district’s case manager and a provider are refused', async () => {
    const operator = await exportLedger('operator', `district=${DISTRICT}&month=${month}`);
    expect(operator.status).toBe(200);
    expect(parse(operator.text)).toHaveLength(3);
    expect((await exportLedger('caseworker.mapo', `district=${DISTRICT}&month=${month}`)).status).toBe(403);
    expect((await exportLedger('provider.maeum', `district=${DISTRICT}&month=${month}`)).status).toBe(403);
    // Their own district's month is theirs: empty of these applications, the totals row only.
    const mapo = await exportLedger('caseworker.mapo', `district=11440&month=${month}`);
    expect(mapo.status).toBe(200);
    expect(parse(mapo.text).map((r) => r['Application ID'])).not.toContain(standard.applicationId);
  });

  it('selects by month: the month before holds none of these sessions', async () => {
    const before = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
    const answer = await exportLedger('caseworker.jongno', `district=${DISTRICT}&month=${before}`);
    expect(answer.status).toBe(200);
    const ids = parse(answer.text).map((r) => r['Application ID']);
    expect(ids).not.toContain(standard.applicationId);
    expect(ids).not.toContain(leavingCare.applicationId);
  });

  it('answers a bad query with 400, the field and the reason in Korean and English', async () => {
    const cases: [string, string][] = [
      [`district=${DISTRICT}&month=2026-13`, 'month'],
      [`district=${DISTRICT}&month=2026-3`, 'month'],
      [`district=${DISTRICT}`, 'month'],
      [`district=11111&month=${month}`, 'district'],
      [`month=${month}`, 'district'],
    ];
    for (const [query, field] of cases) {
      const answer = await exportLedger('caseworker.jongno', query);
      expect(answer.status, query).toBe(400);
      const [problem] = answer.json().error.fields;
      expect(problem.field, query).toBe(field);
      expect(problem.message.ko).toBeTruthy();
      expect(problem.message.en).toBeTruthy();
    }
  });

  it('audits each export once, naming the caller, the district, the month and the applications; a refused one writes nothing', async () => {
    const { Items } = await local.db.send(
      new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `DISTRICT-AUDIT#${DISTRICT}` } }),
    );
    const exports = (Items ?? []).filter((e) => e.month === month);
    expect(exports.map((e) => e.actor.userId).sort()).toEqual(['caseworker.jongno', 'operator']);
    for (const e of exports) {
      expect(e).toMatchObject({ action: 'ledger.exported', district: DISTRICT, month, rows: 2 });
      expect(e.applicationIds).toEqual(expect.arrayContaining([standard.applicationId, leavingCare.applicationId]));
      expect(e.actor.sourceIp).toBeTruthy();
    }
  });

  it("shows the citizen this month's copay on the status page, from the same ledger", async () => {
    expect((await statusOf(standard)).service).toMatchObject({ sessionsHeld: 3, copayDue: { month, sessionsUsed: 3, copayKrw: 18_000, ratePercent: 10 } });
    expect((await statusOf(leavingCare)).service.copayDue).toEqual({ month, sessionsUsed: 2, copayKrw: 0, ratePercent: 0 });
  });
});
