import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { keys } from '../../functions/applications/keys';

const TABLE = 'dolbom-dev';

/** What a wait makes of the application item it reads: done, not yet, or nothing until time passes. */
export type Verdict = 'ok' | 'wait' | 'park';
type Item = Record<string, unknown>;

interface Waiter {
  check: (item: Item) => Verdict;
  what: string;
  deadline: number;
  resolve: (result: { verdict: 'ok' | 'park'; item: Item }) => void;
  reject: (error: Error) => void;
  last?: string;
}

/**
 * Waits for applications to reach a state by reading their items straight from the table, with the
 * bench's own client: the waits cost the system nothing, so the usage meter counts only what people
 * and the workflow do. One loop reads every awaited application with BatchGetItem (100 a call), so
 * 200 journeys waiting at once cost two calls a tick, not 200.
 */
export class ApplicationWatcher {
  private readonly waiters = new Map<string, Waiter[]>();
  private running = false;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tickMs = 200,
  ) {}

  /** Resolves when `check` says 'ok' or 'park'; rejects after `timeoutMs` of real time, naming the last status. */
  until(applicationId: string, check: (item: Item) => Verdict, what: string, timeoutMs = 600_000): Promise<{ verdict: 'ok' | 'park'; item: Item }> {
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(applicationId) ?? [];
      list.push({ check, what, deadline: Date.now() + timeoutMs, resolve, reject });
      this.waiters.set(applicationId, list);
      if (!this.running) void this.loop();
    });
  }

  private async loop(): Promise<void> {
    this.running = true;
    let failingSince: number | undefined;
    try {
      while (this.waiters.size > 0) {
        const ids = [...this.waiters.keys()];
        try {
          for (let i = 0; i < ids.length; i += 100) await this.tick(ids.slice(i, i + 100));
          failingSince = undefined;
        } catch (error) {
          // A busy DynamoDB Local may refuse a read now and then; a minute of nothing but failures ends every wait.
          failingSince ??= Date.now();
          if (Date.now() - failingSince > 60_000) this.rejectAll(error as Error);
        }
        await sleep(this.tickMs);
      }
    } finally {
      this.running = false;
    }
  }

  private rejectAll(error: Error): void {
    for (const [id, list] of this.waiters) for (const waiter of list) waiter.reject(new Error(`application ${id}: waited for ${waiter.what}: ${error.message}`));
    this.waiters.clear();
  }

  private async tick(ids: string[]): Promise<void> {
    const items = new Map<string, Item>();
    let pending: Record<string, unknown>[] = ids.map((id) => keys.application(id));
    while (pending.length > 0) {
      const out = await this.db.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: pending, ConsistentRead: true } } }));
      for (const item of out.Responses?.[TABLE] ?? []) items.set(keys.applicationIdOf(String(item.pk))!, item);
      pending = (out.UnprocessedKeys?.[TABLE]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
    const now = Date.now();
    for (const id of ids) {
      const item = items.get(id);
      const left: Waiter[] = [];
      for (const waiter of this.waiters.get(id) ?? []) {
        let verdict: Verdict;
        try {
          verdict = item ? waiter.check(item) : 'wait';
        } catch (error) {
          waiter.reject(new Error(`application ${id}: waited for ${waiter.what}: ${(error as Error).message}`));
          continue;
        }
        waiter.last = String(item?.status ?? 'not stored');
        if (verdict !== 'wait') waiter.resolve({ verdict, item: item! });
        else if (now > waiter.deadline) waiter.reject(new Error(`application ${id}: waited for ${waiter.what}; still ${waiter.last}`));
        else left.push(waiter);
      }
      if (left.length) this.waiters.set(id, left);
      else this.waiters.delete(id);
    }
  }
}
