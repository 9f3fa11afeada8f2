import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetExecutionHistoryCommand, SFNClient, type HistoryEvent } from '@aws-sdk/client-sfn';
import { parseAdvance } from '../../infra/local/duration';

const parseAdvanceSeconds = (text: string) => parseAdvance(text) / 1000;

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The real SDK clients, pointed at a local cloud the way a developer would point them. */
export function clientsFor(urls: { api: string; sfn: string; dynamodb: string }) {
  const sfn = new SFNClient({ endpoint: urls.sfn, region: 'ap-northeast-2', credentials });
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: urls.dynamodb, region: 'ap-northeast-2', credentials }));

  async function http(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${urls.api}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  async function signIn(username: string): Promise<string> {
    const { body } = await http('POST', '/local/auth/sign-in', { username, password: 'dolbom-local' });
    return body.idToken;
  }

  async function advanceClock(advance: string) {
    const { status, body } = await http('POST', '/local/clock', { advance });
    if (status !== 200) throw new Error(`clock: ${JSON.stringify(body)}`);
    return body.now as string;
  }

  /**
   * Moves the clock to a second past the next timer, as AWS time passes (never past a timer, so none
   * fires late), once the work fired before has drained; at most `limit` ahead (`+1d`-style). Returns
   * the new time, or undefined when no timer is set and no limit given.
   */
  /** Resolves once every timer fired so far has run its work (GET /local/timers: nothing pending). */
  function untilTimersDrained(): Promise<{ nextDueAt?: string }> {
    return eventually(async () => {
      const { body } = await http('GET', '/local/timers');
      return body.pending === 0 ? (body as { nextDueAt?: string }) : undefined;
    }, 'the fired timers to drain');
  }

  async function advanceToNextTimer(limit?: string): Promise<string | undefined> {
    const status = await untilTimersDrained();
    const { body: clock } = await http('GET', '/local/clock');
    const toNext = status.nextDueAt ? Math.ceil((Date.parse(status.nextDueAt) - Date.parse(clock.now)) / 1000) + 1 : Infinity;
    const cap = limit ? parseAdvanceSeconds(limit) : Infinity;
    const seconds = Math.max(1, Math.min(toNext, cap));
    return seconds === Infinity ? undefined : advanceClock(`+${seconds}s`);
  }

  async function history(executionArn: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const out = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
      events.push(...(out.events ?? []));
      nextToken = out.nextToken;
    } while (nextToken);
    return events;
  }

  /** The task token of the newest callback scheduled for `stateName`, read from the history as an operator would. */
  async function latestTaskToken(executionArn: string, stateName: string): Promise<string | undefined> {
    const events = await history(executionArn);
    let entered: string | undefined;
    let token: string | undefined;
    for (const event of events) {
      if (event.stateEnteredEventDetails?.name) entered = event.stateEnteredEventDetails.name;
      if (event.type === 'TaskScheduled' && entered === stateName) {
        token = JSON.parse(event.taskScheduledEventDetails!.parameters!).Payload.taskToken;
      }
    }
    return token;
  }

  return { sfn, db, http, signIn, advanceClock, advanceToNextTimer, untilTimersDrained, history, latestTaskToken };
}

/** Polls until `check` returns a value (not undefined), or fails with the last value seen. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}
