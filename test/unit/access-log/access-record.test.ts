import { describe, expect, it } from 'vitest';
import { ACCESS_RECORD_RETENTION_DAYS, accessRecordExpiry, accessRecords } from '../../../functions/access-log/access-record';
import { decodeAccessCursor, encodeAccessCursor } from '../../../functions/access-log/access-cursor';

const reader = { userId: 'caseworker.jongno', groups: ['caseworker'], sourceIp: '203.0.113.7' };
const read = { at: '2026-03-02T01:02:03.000Z', route: 'GET /api/staff/applications/{applicationId}', purpose: 'application.viewed-by-staff' };
const DAY = 24 * 60 * 60;

describe('accessRecords', () => {
  it('says who, in which role, when, from where, whose data and what', () => {
    const [record, ...rest] = accessRecords(reader, read, [{ applicationId: 'A1', district: '11110' }]);
    expect(rest).toEqual([]);
    expect(record).toEqual({
      accessId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      at: read.at,
      userId: 'caseworker.jongno',
      groups: ['caseworker'],
      sourceIp: '203.0.113.7',
      applicationId: 'A1',
      district: '11110',
      route: read.route,
      purpose: read.purpose,
      expiresAt: accessRecordExpiry(read.at),
    });
  });

  it('writes one record per person shown in a list, each once, with distinct ids', () => {
    const records = accessRecords(reader, { ...read, route: 'GET /api/provider/offers', purpose: 'offer.viewed' }, [
      { applicationId: 'A1', district: '11110' },
      { applicationId: 'A2', district: '11440' },
      { applicationId: 'A1', district: '11110' },
    ]);
    expect(records.map((r) => [r.applicationId, r.district])).toEqual([
      ['A1', '11110'],
      ['A2', '11440'],
    ]);
    expect(new Set(records.map((r) => r.accessId)).size).toBe(2);
  });

  it('writes nothing when nobody was shown', () => {
    expect(accessRecords(reader, read, [])).toEqual([]);
  });

  it("keeps a list's query without its paging, so the record says why the person was shown", () => {
    const [record] = accessRecords(reader, { ...read, query: { month: '2026-03', cursor: 'abc', limit: '50', district: '11110' } }, [{ applicationId: 'A1', district: '11110' }]);
    expect(record!.query).toEqual({ district: '11110', month: '2026-03' });
    const [paged] = accessRecords(reader, { ...read, query: { cursor: 'abc' } }, [{ applicationId: 'A1', district: '11110' }]);
    expect(paged).not.toHaveProperty('query');
  });

  it('leaves the address out when the request had none', () => {
    const [record] = accessRecords({ userId: 'u', groups: ['supervisor'] }, read, [{ applicationId: 'A1', district: '11110' }]);
    expect(record).not.toHaveProperty('sourceIp');
  });
});

describe('accessRecordExpiry', () => {
  it('keeps a record at least two years, with a margin', () => {
    const at = '2026-03-02T00:00:00.000Z';
    const twoYearsLater = Date.parse('2028-03-02T00:00:00.000Z') / 1000;
    expect(accessRecordExpiry(at)).toBeGreaterThan(twoYearsLater + 28 * DAY);
    expect(accessRecordExpiry(at)).toBe(Date.parse(at) / 1000 + ACCESS_RECORD_RETENTION_DAYS * DAY);
  });
});

describe('the access log cursor', () => {
  const cursor = { applicationId: '01JABCDEFGHJKMNPQRSTVWXYZ0', sk: '2026-03-02T01:02:03.000Z#0f8fad5b-d9cb-469f-a165-70867728950e' };
  it('comes back as it was given', () => {
    expect(decodeAccessCursor(encodeAccessCursor(cursor))).toEqual(cursor);
  });
  it('refuses anything it did not make', () => {
    expect(decodeAccessCursor('not base64 json')).toBeUndefined();
    expect(decodeAccessCursor(Buffer.from(JSON.stringify({ ...cursor, sk: 'AUDIT#x' })).toString('base64url'))).toBeUndefined();
    expect(decodeAccessCursor(Buffer.from(JSON.stringify({ ...cursor, pk: 'APP#x' })).toString('base64url'))).toBeUndefined();
  });
});
