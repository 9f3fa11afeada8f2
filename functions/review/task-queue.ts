import * as z from 'zod';
import { isDistrictCode } from '../../forms/districts';
import type { HumanTask } from './task';
import { queueKey, taskIdOfOpenQueueKey } from './task-store';

/**
 * Where a reader of the task queue stands in each district: after which queue key, and which
 * districts are done. Sent to the client as an opaque string (base64url JSON) and validated on return.
 */
export interface QueueCursor {
  after: Record<string, string>;
  done: string[];
}

const cursorSchema = z
  .object({
    after: z.record(z.string().refine(isDistrictCode), z.string().max(200).refine((key) => taskIdOfOpenQueueKey(key) !== undefined)),
    done: z.array(z.string().refine(isDistrictCode)).max(50),
  })
  .strict();

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/**
 * The cursor a client sent back, if it is one this queue made for these districts; undefined when it
 * is malformed, tampered with, or names a district the caller does not page through.
 */
export function decodeCursor(text: string, districts: readonly string[]): QueueCursor | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const named = [...Object.keys(parsed.data.after), ...parsed.data.done];
  return named.every((d) => districts.includes(d)) ? parsed.data : undefined;
}

/** DynamoDB's order of sort keys (code points, as the ASCII keys are), not a locale's collation. */
function byQueueKey(a: HumanTask, b: HumanTask): number {
  const [x, y] = [queueKey(a), queueKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export type DistrictReader = (district: string, after: string | undefined, limit: number) => Promise<{ tasks: HumanTask[]; more: boolean }>;

/**
 * The next `limit` open tasks of the districts, soonest due first across all of them: each district
 * is read from where the cursor left it, the heads are merged, and the cursor moves past what was
 * taken. Asking each district for one more than a page tells whether it has more without an empty
 * last page.
 */
export async function nextPage(districts: readonly string[], cursor: QueueCursor | undefined, limit: number, read: DistrictReader) {
  const done = new Set(cursor?.done ?? []);
  const reading = districts.filter((d) => !done.has(d));
  const heads = await Promise.all(reading.map(async (district) => ({ district, ...(await read(district, cursor?.after[district], limit + 1)) })));
  const page = heads
    .flatMap(({ tasks }) => tasks)
    .sort(byQueueKey)
    .slice(0, limit);

  const after: Record<string, string> = {};
  for (const head of heads) {
    const taken = page.filter((t) => t.district === head.district);
    const last = taken.at(-1);
    if (!head.more && taken.length === head.tasks.length) done.add(head.district);
    else if (last) after[head.district] = queueKey(last);
    else if (cursor?.after[head.district]) after[head.district] = cursor.after[head.district]!;
  }
  const next = districts.some((d) => !done.has(d)) ? encodeCursor({ after, done: [...done] }) : undefined;
  return { tasks: page, next };
}
