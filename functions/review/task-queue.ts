import * as z from 'zod/mini';
import { isDistrictCode } from '../../forms/districts';
import type { HumanTask } from './task';
import { taskIdOfOrderKey } from './queue-query';

/**
 * Where a reader of the task queue stands in each district: after which order key, which districts
 * are done, and which filter the listing is of. Sent to the client as an opaque string (base64url
 * JSON) and validated on return. It is not signed: every position it can name lies in the caller's
 * own districts and filter, which the handler applies again, so a forged one can only skip or repeat.
 */
export interface QueueCursor {
  /** The filter's fingerprint (queue-filter.ts): a cursor is refused with any other filter. */
  filter: string;
  after: Record<string, string>;
  done: string[];
}

const districtCode = z.string().check(z.refine(isDistrictCode));
const cursorSchema = z.strictObject({
  filter: z.string().check(z.regex(/^[A-Za-z0-9_-]{16}$/)),
  after: z.record(districtCode, z.string().check(z.maxLength(200))),
  done: z.array(districtCode).check(z.maxLength(50)),
});

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** How the listing is ordered: each task's order key (its index sort key), and the direction. */
export interface QueueOrder {
  key: (task: HumanTask) => string;
  ascending: boolean;
  /** The task state the listing holds: every order key in a cursor must be of it. */
  state: string;
}

/**
 * The cursor a client sent back, if it is one this queue made for this filter and these districts;
 * undefined when it is malformed, tampered with, made for another filter, or names a district the
 * caller does not page through.
 */
export function decodeCursor(text: string, districts: readonly string[], filter: string, state: string): QueueCursor | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success || parsed.data.filter !== filter) return undefined;
  if (!Object.values(parsed.data.after).every((key) => taskIdOfOrderKey(key, state) !== undefined)) return undefined;
  const named = [...Object.keys(parsed.data.after), ...parsed.data.done];
  return named.every((d) => districts.includes(d)) ? parsed.data : undefined;
}

export type DistrictReader = (district: string, after: string | undefined, limit: number) => Promise<{ tasks: HumanTask[]; more: boolean }>;

/**
 * The next `limit` tasks of the districts in the listing's order across all of them: each district is
 * read from where the cursor left it, the heads are merged, and the cursor moves past what was taken.
 * Asking each district for one more than a page tells whether it has more without an empty last page.
 * DynamoDB orders sort keys by code points (as the ASCII keys are), not by a locale's collation.
 */
export async function nextPage(districts: readonly string[], cursor: Omit<QueueCursor, 'filter'> | undefined, limit: number, read: DistrictReader, order: QueueOrder, filter: string) {
  const done = new Set(cursor?.done ?? []);
  const reading = districts.filter((d) => !done.has(d));
  const heads = await Promise.all(reading.map(async (district) => ({ district, ...(await read(district, cursor?.after[district], limit + 1)) })));
  const sign = order.ascending ? 1 : -1;
  const page = heads
    .flatMap(({ tasks }) => tasks)
    .sort((a, b) => {
      const [x, y] = [order.key(a), order.key(b)];
      return sign * (x < y ? -1 : x > y ? 1 : 0);
    })
    .slice(0, limit);

  const after: Record<string, string> = {};
  for (const head of heads) {
    const taken = page.filter((t) => t.district === head.district);
    const last = taken.at(-1);
    if (!head.more && taken.length === head.tasks.length) done.add(head.district);
    else if (last) after[head.district] = order.key(last);
    else if (cursor?.after[head.district]) after[head.district] = cursor.after[head.district]!;
  }
  const next = districts.some((d) => !done.has(d)) ? encodeCursor({ filter, after, done: [...done] }) : undefined;
  return { tasks: page, next };
}
