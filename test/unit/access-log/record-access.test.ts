import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpEvent } from '../../../functions/commons/http';

const writeAll = vi.fn();
vi.mock('../../../functions/access-log/access-log-store', async (original) => ({ ...(await original<object>()), writeAll }));
const { recordStaffRead } = await import('../../../functions/access-log/record-access');

const staff = { userId: 'caseworker.jongno', groups: ['caseworker' as const], districts: ['11110'] };

/** A list request as API Gateway hands it over, its query parameters decoded as an object. */
function event(query: string): HttpEvent {
  return {
    routeKey: 'GET /api/staff/tasks',
    queryStringParameters: Object.fromEntries(new URLSearchParams(query)),
    requestContext: { http: { sourceIp: '203.0.113.7' } },
  } as unknown as HttpEvent;
}

/** The access records written (a `constructor` key among them would not even store: DynamoDB's marshalling refuses it). */
function written(): Record<string, unknown>[] {
  const calls = writeAll.mock.calls as [{ Put?: { Item: Record<string, unknown> } }[]][];
  const items = calls.flatMap(([puts]) => puts.flatMap((p) => (p.Put ? [p.Put.Item] : [])));
  return items.filter((item) => String(item.pk).startsWith('ACCESS#'));
}

beforeEach(() => {
  writeAll.mockReset();
  process.env.TABLE_NAME = 'dolbom-test';
  process.env.DOLBOM_LOG = 'silent';
});

describe('recordStaffRead: the query a list was read with', () => {
  it('keeps the parameters the route read, as sent, and none a caller added — not even constructor or __proto__', async () => {
    const query = 'q=%EA%B9%80%EB%8F%8C%EB%B4%84&state=open&limit=10&constructor=x&__proto__=y&note=%E2%80%AEhidden';
    await recordStaffRead(event(query), staff, 'application.found-by-staff', [{ applicationId: 'A1', district: '11110' }], { query: { q: '김돌봄', state: 'open', limit: 10 } });
    const [record, ...rest] = written();
    expect(rest).toEqual([]);
    expect(record!.query).toEqual({ q: '김돌봄', state: 'open' });
  });

  it('keeps no query for a read that names none (a case file), whatever was added to its address', async () => {
    await recordStaffRead(event('constructor=x&why=%E2%80%AE'), staff, 'application.viewed-by-staff', [{ applicationId: 'A1', district: '11110' }]);
    const [record] = written();
    expect(record).toBeDefined();
    expect(record).not.toHaveProperty('query');
  });
});
