import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HumanTask } from '../../../functions/review/task';
import { decodeCursor, encodeCursor, nextPage, type DistrictReader } from '../../../functions/review/task-queue';
import { queueKey } from '../../../functions/review/task-store';

const applicationId = (n: number) => `A${String(n).padStart(25, '0')}`;

function task(n: number, district: string, dueAt: string): HumanTask {
  return { taskId: `${applicationId(n)}.${String(n).padStart(16, 'x')}`, applicationId: applicationId(n), district, dueAt, state: 'open' } as HumanTask;
}

const byKey = (a: HumanTask, b: HumanTask) => (queueKey(a) < queueKey(b) ? -1 : 1);

/** A district index as DynamoDB answers a Query with Limit: sorted, and "more" whenever it stopped at the limit. */
function readerOf(tasks: HumanTask[]): DistrictReader {
  return async (district, after, limit) => {
    const rest = tasks.filter((t) => t.district === district && (after === undefined || queueKey(t) > after)).sort(byKey);
    const page = rest.slice(0, limit);
    return { tasks: page, more: page.length === limit };
  };
}

async function readAll(districts: string[], tasks: HumanTask[], limit: number) {
  const pages: HumanTask[][] = [];
  let cursor: string | undefined;
  do {
    const decoded = cursor === undefined ? undefined : decodeCursor(cursor, districts);
    if (cursor !== undefined) expect(decoded).toBeDefined();
    const page = await nextPage(districts, decoded, limit, readerOf(tasks));
    pages.push(page.tasks);
    cursor = page.next;
  } while (cursor && pages.length < 1000);
  return pages;
}

describe('nextPage', () => {
  it('pages through every open task of several districts once, soonest due first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('11110', '11440', '11680'), fc.integer({ min: 0, max: 50 })), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        async (specs, limit) => {
          const tasks = specs.map(([district, day], i) => task(i, district, new Date(Date.UTC(2026, 2, 1 + day)).toISOString()));
          const pages = await readAll(['11110', '11440', '11680'], tasks, limit);
          const seen = pages.flat();
          expect(seen.map((t) => t.taskId)).toEqual([...tasks].sort(byKey).map((t) => t.taskId));
          expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
          if (tasks.length) expect(pages.at(-1)!.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('ends without an empty page when the last page is exactly full', async () => {
    const tasks = Array.from({ length: 10 }, (_, i) => task(i, '11110', `2026-03-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`));
    const pages = await readAll(['11110'], tasks, 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5]);
  });
});

describe('decodeCursor', () => {
  const key = queueKey(task(1, '11110', '2026-03-10T00:00:00.000Z'));

  it('reads back a cursor it made, for the same districts', () => {
    const cursor = { after: { '11110': key }, done: ['11440'] };
    expect(decodeCursor(encodeCursor(cursor), ['11110', '11440'])).toEqual(cursor);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['JSON of another shape', Buffer.from('[1,2]').toString('base64url')],
    ['an unknown field', encodeCursor({ after: {}, done: [], extra: 1 } as never)],
    ['a key that is not an open task', encodeCursor({ after: { '11110': 'decided#2026-03-10T00:00:00.000Z#x' }, done: [] })],
    ['a district the caller does not page', encodeCursor({ after: { '11680': key }, done: [] })],
    ['not a district code', encodeCursor({ after: {}, done: ['99999'] })],
  ])('refuses %s', (_, text) => {
    expect(decodeCursor(text, ['11110', '11440'])).toBeUndefined();
  });
});
