/**
 * Everything the local Step Functions service must remember across restarts, in its own DynamoDB
 * table: executions (with the checkpoint a resumed run starts from), their history events, and
 * task tokens (the durable answer to "has the case manager replied yet?").
 *
 * | item       | pk                        | sk                 |
 * |------------|---------------------------|--------------------|
 * | execution  | STATE_MACHINE#<arn>       | EXECUTION#<name>   |
 * | event      | HISTORY#<executionArn>    | EVENT#<id, padded> |
 * | task token | TASK_TOKEN#<token>        | TASK_TOKEN         |
 *
 * An item holds 400 KB at most, and an execution's input, its checkpoint's input and its output may
 * each be 256 KiB (limits.ts); so may an event's input or output, escaped once more inside the event's
 * JSON. Texts from 32 KB on are therefore kept gzipped (a binary attribute in place of the string):
 * JSON shrinks several times over, so what AWS accepts fits here too — unless it is mostly random
 * (a long base64 blob), which the README lists among the local service's limits.
 */
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  TransactionCanceledException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseExecutionArn } from './arns';
import type { HistoryEvent } from './history';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Where a resumed run starts: the top-level state last entered, with its raw input. */
export interface Checkpoint {
  state: string;
  /** JSON */
  input: string;
  /** Id of the StateEntered event: tells this visit of the state from later ones. */
  enteredEventId: number;
  /** A callback state's token for this visit, reused after a restart. */
  taskToken?: string;
  /** The Lambda returned from its invocation with `taskToken` (TaskSubmitted): not invoked again after a restart. */
  submitted?: boolean;
  /** A Wait state's wake-up (epoch ms, virtual time), kept across restarts. */
  wakeAt?: number;
}

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  /** JSON, exactly as given to StartExecution */
  input: string;
  startDate: number;
  roleArn: string;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  checkpoint?: Checkpoint;
  /** Tokens handed out and not yet answered; invalidated when the execution ends. */
  pendingTokens?: string[];
}

export type ExecutionEnding = Pick<ExecutionRecord, 'output' | 'error' | 'cause'> & {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  stopDate: number;
};

export type TaskTokenStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface TaskTokenRecord {
  token: string;
  executionArn: string;
  stateName: string;
  status: TaskTokenStatus;
  createdAt: number;
  /** TimeoutSeconds after creation (epoch ms, virtual time) */
  timeoutAt?: number;
  heartbeatSeconds?: number;
  /** Last heartbeat (or creation) + HeartbeatSeconds */
  heartbeatDueAt?: number;
  /** JSON, for SUCCEEDED */
  output?: string;
  error?: string;
  cause?: string;
  settledAt?: number;
}

export type TaskTokenOutcome = Pick<TaskTokenRecord, 'output' | 'error' | 'cause'> & {
  status: Exclude<TaskTokenStatus, 'PENDING'>;
};

const TRANSACTION_CONFLICT_RETRIES = 5;

type BatchWriteRequests = NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string];

export class CheckpointStore {
  private readonly db: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    readonly tableName: string,
  ) {
    this.db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async ensureTable(): Promise<void> {
    try {
      await this.db.send(
        new CreateTableCommand({
          TableName: this.tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    for (;;) {
      try {
        const { Table } = await this.db.send(new DescribeTableCommand({ TableName: this.tableName }));
        if (Table?.TableStatus === 'ACTIVE') return;
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
      await sleep(50);
    }
  }

  /** Conditional put: of many concurrent starts with one name, exactly one gets `true`. */
  async createExecution(record: ExecutionRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...executionKey(record.executionArn), ...packExecution(record) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async getExecution(executionArn: string): Promise<ExecutionRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: executionKey(executionArn), ConsistentRead: true }),
    );
    return Item ? toExecutionRecord(Item) : undefined;
  }

  async executionsOf(stateMachineArn: string): Promise<ExecutionRecord[]> {
    const records: ExecutionRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': `STATE_MACHINE#${stateMachineArn}`, ':sk': 'EXECUTION#' },
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      records.push(...(page.Items ?? []).map(toExecutionRecord));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return records;
  }

  /** Only while RUNNING: a stopped execution keeps the checkpoint it stopped at. */
  async saveCheckpoint(executionArn: string, checkpoint: Checkpoint): Promise<void> {
    await this.updateRunning(executionArn, {
      UpdateExpression: 'SET #checkpoint = :checkpoint',
      ExpressionAttributeNames: { '#checkpoint': 'checkpoint' },
      ExpressionAttributeValues: { ':checkpoint': packCheckpoint(checkpoint) },
    });
  }

  /**
   * Records a token handed out by the execution; for a top-level state also in the checkpoint of
   * the visit that minted it (`enteredEventId`), so a resumed run reuses it. False if the execution
   * is no longer running or has moved on.
   */
  async attachTaskToken(executionArn: string, token: string, enteredEventId?: number): Promise<boolean> {
    const inCheckpoint = enteredEventId !== undefined;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: executionKey(executionArn),
          UpdateExpression: `ADD pendingTokens :tokens${inCheckpoint ? ' SET #checkpoint.taskToken = :token' : ''}`,
          ConditionExpression: `#status = :running${inCheckpoint ? ' AND #checkpoint.enteredEventId = :entered' : ''}`,
          ExpressionAttributeNames: { '#status': 'status', ...(inCheckpoint ? { '#checkpoint': 'checkpoint' } : {}) },
          ExpressionAttributeValues: {
            ':tokens': new Set([token]),
            ':running': 'RUNNING',
            ...(inCheckpoint ? { ':token': token, ':entered': enteredEventId } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async forgetTaskToken(executionArn: string, token: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: executionKey(executionArn),
        UpdateExpression: 'DELETE pendingTokens :tokens',
        ExpressionAttributeValues: { ':tokens': new Set([token]) },
      }),
    );
  }

  /**
   * Ends a RUNNING execution and writes its last history event in one transaction, so of a run
   * finishing and a StopExecution racing, exactly one wins. False if it had already ended.
   */
  async closeExecution(executionArn: string, ending: ExecutionEnding, lastEvent: HistoryEvent): Promise<boolean> {
    const { status, stopDate, output, error, cause } = ending;
    const optional = optionalFields({ output: output === undefined ? undefined : pack(output), error, cause });
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: executionKey(executionArn),
            UpdateExpression: `SET #status = :status, stopDate = :stopDate${optional.set}`,
            ConditionExpression: '#status = :running',
            ExpressionAttributeNames: { '#status': 'status', ...optional.names },
            ExpressionAttributeValues: { ':status': status, ':stopDate': stopDate, ':running': 'RUNNING', ...optional.values },
          },
        },
        { Put: { TableName: this.tableName, Item: eventItem(executionArn, lastEvent) } },
      ],
    });
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.send(command);
        return true;
      } catch (caught) {
        if (!(caught instanceof TransactionCanceledException)) throw caught;
        const reasons = caught.CancellationReasons?.map((reason) => reason.Code) ?? [];
        if (reasons.includes('ConditionalCheckFailed')) return false;
        if (!reasons.includes('TransactionConflict') || attempt >= TRANSACTION_CONFLICT_RETRIES) throw caught;
        await sleep(10 * 2 ** attempt);
      }
    }
  }

  /** Writes history events in batches of 25 (BatchWriteItem's limit), retrying what DynamoDB leaves unprocessed. */
  async appendEvents(executionArn: string, events: HistoryEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += 25) {
      let requests: BatchWriteRequests = events
        .slice(start, start + 25)
        .map((event) => ({ PutRequest: { Item: eventItem(executionArn, event) } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await sleep(10 * 2 ** Math.min(attempt, 6));
        const { UnprocessedItems } = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = UnprocessedItems?.[this.tableName] ?? [];
      }
    }
  }

  async lastEventId(executionArn: string): Promise<number> {
    const { events } = await this.events(executionArn, { limit: 1, reverse: true });
    return events[0]?.id ?? 0;
  }

  /** A page of history, from after event `afterId` (exclusive) in the requested order. */
  async events(
    executionArn: string,
    page: { limit: number; reverse: boolean; afterId?: number },
  ): Promise<{ events: HistoryEvent[]; more: boolean }> {
    const pk = `HISTORY#${executionArn}`;
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': 'EVENT#' },
        ScanIndexForward: !page.reverse,
        Limit: page.limit,
        ExclusiveStartKey: page.afterId === undefined ? undefined : { pk, sk: eventSortKey(page.afterId) },
        ConsistentRead: true,
      }),
    );
    const events = (result.Items ?? []).map((item) => JSON.parse(unpack(item.event)) as HistoryEvent);
    return { events, more: result.LastEvaluatedKey !== undefined };
  }

  async putTaskToken(record: TaskTokenRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...tokenKey(record.token), ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getTaskToken(token: string): Promise<TaskTokenRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: tokenKey(token), ConsistentRead: true }),
    );
    return Item ? toTaskTokenRecord(Item) : undefined;
  }

  /**
   * Answers a PENDING token once: the first outcome written wins, later ones get `undefined`.
   * `dueField` additionally requires that deadline to have passed (for timeouts racing heartbeats).
   */
  async settleTaskToken(
    token: string,
    outcome: TaskTokenOutcome,
    settledAt: number,
    dueField?: 'timeoutAt' | 'heartbeatDueAt',
  ): Promise<TaskTokenRecord | undefined> {
    const { status, output, error, cause } = outcome;
    const optional = optionalFields({ output, error, cause });
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: tokenKey(token),
          UpdateExpression: `SET #status = :status, settledAt = :settledAt${optional.set}`,
          ConditionExpression: `#status = :pending${dueField ? ` AND ${dueField} <= :settledAt` : ''}`,
          ExpressionAttributeNames: { '#status': 'status', ...optional.names },
          ExpressionAttributeValues: { ':status': status, ':settledAt': settledAt, ':pending': 'PENDING', ...optional.values },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toTaskTokenRecord(Attributes) : undefined;
    } catch (caught) {
      if (caught instanceof ConditionalCheckFailedException) return undefined;
      throw caught;
    }
  }

  /** Moves the heartbeat deadline of a PENDING token; `undefined` if it is no longer pending. */
  async recordHeartbeat(token: string, heartbeatDueAt: number): Promise<TaskTokenRecord | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: tokenKey(token),
          UpdateExpression: 'SET heartbeatDueAt = :due',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':due': heartbeatDueAt, ':pending': 'PENDING' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toTaskTokenRecord(Attributes) : undefined;
    } catch (caught) {
      if (caught instanceof ConditionalCheckFailedException) return undefined;
      throw caught;
    }
  }

  private async updateRunning(
    executionArn: string,
    update: Pick<
      ConstructorParameters<typeof UpdateCommand>[0],
      'UpdateExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
    >,
  ): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: executionKey(executionArn),
          ...update,
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#status': 'status' },
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':running': 'RUNNING' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

function executionKey(executionArn: string): { pk: string; sk: string } {
  const parsed = parseExecutionArn(executionArn);
  if (!parsed) throw new Error(`not an execution ARN: ${executionArn}`);
  return { pk: `STATE_MACHINE#${parsed.stateMachineArn}`, sk: `EXECUTION#${parsed.name}` };
}

function eventSortKey(id: number): string {
  return `EVENT#${String(id).padStart(10, '0')}`;
}

/** Events are kept as JSON text so their AWS shapes come back exactly as written. */
function eventItem(executionArn: string, event: HistoryEvent): Record<string, unknown> {
  return { pk: `HISTORY#${executionArn}`, sk: eventSortKey(event.id), event: pack(JSON.stringify(event)) };
}

function tokenKey(token: string): { pk: string; sk: string } {
  return { pk: `TASK_TOKEN#${token}`, sk: 'TASK_TOKEN' };
}

/** `, #output = :output …` for the fields that have a value (names aliased: several are reserved words). */
function optionalFields(fields: Record<string, Packed | undefined>): {
  set: string;
  names: Record<string, string>;
  values: Record<string, Packed>;
} {
  const present = Object.entries(fields).filter((entry): entry is [string, Packed] => entry[1] !== undefined);
  return {
    set: present.map(([name]) => `, #${name} = :${name}`).join(''),
    names: Object.fromEntries(present.map(([name]) => [`#${name}`, name])),
    values: Object.fromEntries(present.map(([name, value]) => [`:${name}`, value])),
  };
}

function toExecutionRecord(item: Record<string, unknown>): ExecutionRecord {
  const { pk: _pk, sk: _sk, pendingTokens, input, output, checkpoint, ...record } = item;
  return {
    ...(record as unknown as ExecutionRecord),
    input: unpack(input),
    ...(output !== undefined ? { output: unpack(output) } : {}),
    ...(checkpoint !== undefined ? { checkpoint: { ...(checkpoint as Checkpoint), input: unpack((checkpoint as Checkpoint).input) } } : {}),
    ...(pendingTokens instanceof Set ? { pendingTokens: [...(pendingTokens as Set<string>)] } : {}),
  };
}

/** A text as stored: itself, or gzipped (a binary attribute) from `PACK_FROM` characters on. */
type Packed = string | Uint8Array;
const PACK_FROM = 32 * 1024;

function pack(text: string): Packed {
  return text.length < PACK_FROM ? text : new Uint8Array(gzipSync(text));
}

function unpack(value: unknown): string {
  return value instanceof Uint8Array ? gunzipSync(value).toString('utf8') : (value as string);
}

function packCheckpoint(checkpoint: Checkpoint): Record<string, unknown> {
  return { ...checkpoint, input: pack(checkpoint.input) };
}

function packExecution(record: ExecutionRecord): Record<string, unknown> {
  const { input, output, checkpoint, ...rest } = record;
  return {
    ...rest,
    input: pack(input),
    ...(output !== undefined ? { output: pack(output) } : {}),
    ...(checkpoint !== undefined ? { checkpoint: packCheckpoint(checkpoint) } : {}),
  };
}

function toTaskTokenRecord(item: Record<string, unknown>): TaskTokenRecord {
  const { pk: _pk, sk: _sk, ...record } = item;
  return record as unknown as TaskTokenRecord;
}
