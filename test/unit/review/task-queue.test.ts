import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HumanTask } from '../../../functions/review/task';
import { ascending, filterFingerprint, orderKey, type QueueFilter } from '../../../functions/review/queue-filter';
import { decodeCursor, encodeCursor, nextPage, type DistrictReader, type QueueOrder } from '../../../functions/review/task-queue';

const applicationId = (n: number) => `A${String(n).padStart(25, '0')}`;

function task(n: number, district: string, dueAt: string, extra: Partial<HumanTask> = {}): HumanTask {
  return { taskId: `${applicationId(n)}.${String(n).padStart(16, 'x')}`, applicationId: applicationId(n), district, dueAt, createdAt: dueAt, state: 'open', ...extra } as HumanTask;
}

const openByDue: QueueFilter = { state: 'open', overdue: false, mine: false, unassigned: false, sort: 'due' };
const orderOf = (filter: QueueFilter): QueueOrder => ({ key: (t) => orderKey(filter, t), ascending: ascending(filter), state: filter.state });

/** A district index as DynamoDB answers a Query with Limit: in the index's order, and "more" whenever it stopped at the limit. */
function readerOf(tasks: HumanTask[], order: QueueOrder): DistrictReader {
  const sign = order.ascending ? 1 : -1;
  return async (district, after, limit) => {
    const rest = tasks
      .filter((t) => t.district === district && t.state === order.state && (after === undefined || (order.ascending ? order.key(t) > after : order.key(t) < after)))
      .sort((a, b) => sign * (order.key(a) < order.key(b) ? -1 : 1));
    const page = rest.slice(0, limit);
    return { tasks: page, more: page.length === limit };
  };
}

async function readAll(districts: string[], tasks: HumanTask[], limit: number, filter = openByDue) {
  const pages: HumanTask[][] = [];
  const order = orderOf(filter);
  const fingerprint = filterFingerprint(filter);
  let cursor: string | undefined;
  do {
    const decoded = cursor === undefined ? undefined : decodeCursor(cursor, districts, fingerprint, filter.state);
    if (cursor !== undefined) expect(decoded).toBeDefined();
    const page = await nextPage(districts, decoded, limit, readerOf(tasks, order), order, fingerprint);
    pages.push(page.tasks);
    cursor = page.next;
  } while (cursor && pages.length < 1000);
  return pages;
}

const day = (d: number) => new Date(Date.UTC(2026, 2, 1 + d)).toISOString();

describe('nextPage', () => {
  it('pages through every open task of several districts once, soonest due first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('11110', '11440', '11680'), fc.integer({ min: 0, max: 50 })), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        async (specs, limit) => {
          const tasks = specs.map(([district, d], i) => task(i, district, day(d)));
          const pages = await readAll(['11110', '11440', '11680'], tasks, limit);
          const key = orderOf(openByDue).key;
          expect(pages.flat().map((t) => t.taskId)).toEqual([...tasks].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((t) => t.taskId));
          expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
          if (tasks.length) expect(pages.at(-1)!.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('pages through decided tasks newest first, each once', async () => {
    const decided: QueueFilter = { ...openByDue, state: 'decided', sort: 'received' };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('11110', '11440'), fc.integer({ min: 0, max: 40 })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (specs, limit) => {
          const tasks = specs.map(([district, d], i) => task(i, district, day(d), { state: 'decided' }));
          const seen = (await readAll(['11110', '11440'], tasks, limit, decided)).flat();
          expect(seen).toHaveLength(tasks.length);
          const received = seen.map((t) => t.createdAt);
          expect(received).toEqual([...received].sort().reverse());
        },
      ),
    );
  });

  it('orders an escalated case by the due date it missed, before a case due later but never escalated', async () => {
    const escalated = task(1, '11110', day(30), { firstDueAt: day(2), escalations: 1 });
    const fresh = task(2, '11110', day(10));
    const [page] = await readAll(['11110'], [fresh, escalated], 10);
    expect(page!.map((t) => t.taskId)).toEqual([escalated.taskId, fresh.taskId]);
  });

  it('ends without an empty page when the last page is exactly full', async () => {
    const tasks = Array.from({ length: 10 }, (_, i) => task(i, '11110', `2026-03-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`));
    const pages = await readAll(['11110'], tasks, 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5]);
  });
});

describe('decodeCursor', () => {
  const fingerprint = filterFingerprint(openByDue);
  const key = orderKey(openByDue, task(1, '11110', '2026-03-10T00:00:00.000Z'));

  it('reads back a cursor it made, for the same filter and districts', () => {
    const cursor = { filter: fingerprint, after: { '11110': key }, done: ['11440'] };
    expect(decodeCursor(encodeCursor(cursor), ['11110', '11440'], fingerprint, 'open')).toEqual(cursor);
  });

  it('refuses a cursor made for another filter', () => {
    const mine = filterFingerprint({ ...openByDue, mine: true });
    expect(mine).not.toBe(fingerprint);
    expect(decodeCursor(encodeCursor({ filter: fingerprint, after: { '11110': key }, done: [] }), ['11110'], mine, 'open')).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['JSON of another shape', Buffer.from('[1,2]').toString('base64url')],
    ['an unknown field', encodeCursor({ filter: fingerprint, after: {}, done: [], extra: 1 } as never)],
    ['no filter', Buffer.from(JSON.stringify({ after: {}, done: [] })).toString('base64url')],
    ['a key of another task state', encodeCursor({ filter: fingerprint, after: { '11110': key.replace(/^open#/, 'decided#') }, done: [] })],
    ['a key that is no order key', encodeCursor({ filter: fingerprint, after: { '11110': 'open#yesterday#x' }, done: [] })],
    ['a district the caller does not page', encodeCursor({ filter: fingerprint, after: { '11680': key }, done: [] })],
    ['not a district code', encodeCursor({ filter: fingerprint, after: {}, done: ['99999'] })],
  ])('refuses %s', (_, text) => {
    expect(decodeCursor(text, ['11110', '11440'], fingerprint, 'open')).toBeUndefined();
  });
});
