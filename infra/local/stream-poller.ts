import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type GetShardIteratorCommandInput,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { compileFilters, type RecordFilter } from './event-filter';
import type { StreamMapping } from './template';

const SHARD_LIST_MS = 30_000;

/** A record as Lambda hands it to a function: the stream record plus where it came from. */
type LambdaStreamRecord = Record<string, unknown> & { dynamodb: { SequenceNumber: string } };

/** Where a mapping stands in its stream: the last record handled in each shard, and drained shards. */
interface Position {
  streamArn: string;
  shards: Record<string, { after?: string; done?: boolean }>;
}

export interface StreamPollerOptions {
  mapping: StreamMapping;
  dynamodb: DynamoDBClient;
  /** The DynamoDB Local endpoint, which also serves the Streams API. */
  endpoint: string;
  invoke: (handlerId: string, event: unknown) => Promise<unknown>;
  /** A JSON file that keeps positions across restarts; shared by the mappings of one cloud. */
  positionsFile: string;
  /** Where records that exhaust their retries are written (the mapping's on-failure destination). */
  deadLettersFile: string;
  log: (line: string) => void;
  /**
   * How long an idle poller waits before reading again (Lambda polls a shard 4 times a second). The
   * trigger is the backstop of a start that submission already made, so a second is soon enough,
   * and an idle local cloud stays idle.
   */
  idleMs?: number;
}

/**
 * The local Lambda event source mapping for a table stream: reads the stream with the real
 * DynamoDB Streams API, passes only the records the mapping's filters match, invokes the function
 * with Lambda's event shape in batches of the mapping's size, and retries, bisects and reports
 * partial failures as Lambda does. Its position is saved only after a batch is done, so a crash at
 * any moment replays the batch rather than skipping it: delivery is at least once, like Lambda's.
 */
export class StreamPoller {
  private readonly filter: RecordFilter;
  private readonly streams: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string>();
  /** The stream's shards, listed again now and then: DynamoDB opens new ones as time goes by. */
  private listed: { shards: Shard[]; at: number } | undefined;
  private readonly stopping = new AbortController();
  private running: Promise<void> | undefined;

  constructor(private readonly options: StreamPollerOptions) {
    this.filter = compileFilters(options.mapping.filters);
    this.streams = new DynamoDBStreamsClient({
      endpoint: options.endpoint,
      region: 'ap-northeast-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  start(): void {
    this.running = this.run().catch((error: unknown) => {
      if (!this.stopping.signal.aborted) this.options.log(`stream ${this.options.mapping.id} stopped: ${String(error)}`);
    });
  }

  /** Lets the batch in hand finish (its position is saved), then stops. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
    this.streams.destroy();
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }

  private async run(): Promise<void> {
    let position: Position | undefined;
    while (!this.stopped) {
      try {
        position ??= await this.startingPosition();
        if (!(await this.pollOnce(position))) await this.pause(this.options.idleMs ?? 1_000);
      } catch (error) {
        // DynamoDB Local busy or restarting: the position is safe on disk, so just try again.
        this.options.log(`stream ${this.options.mapping.id}: ${(error as Error).name}: ${(error as Error).message}`);
        this.listed = undefined;
        await this.pause(1_000);
      }
    }
  }

  private async startingPosition(): Promise<Position> {
    const { mapping } = this.options;
    const table = await this.options.dynamodb.send(new DescribeTableCommand({ TableName: mapping.tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`table ${mapping.tableName} has no stream`);
    const saved = this.loadPositions()[mapping.id];
    // A new stream (the table was recreated) starts from its own beginning.
    return saved?.streamArn === streamArn ? saved : { streamArn, shards: {} };
  }

  /** One pass over the stream's shards; true if any record was read. */
  private async pollOnce(position: Position): Promise<boolean> {
    if (!this.listed || Date.now() - this.listed.at > SHARD_LIST_MS) this.listed = { shards: await this.shards(position.streamArn), at: Date.now() };
    const { shards } = this.listed;
    const present = new Set(shards.map((shard) => shard.ShardId));
    let read = false;
    for (const shard of shards) {
      if (this.stopped) break;
      const parentId = shard.ParentShardId;
      // In order: a child shard waits until its parent (while the stream still lists it) is drained.
      if (position.shards[shard.ShardId!]?.done || (parentId && present.has(parentId) && !position.shards[parentId]?.done)) continue;
      read = (await this.pollShard(position, shard)) || read;
    }
    return read;
  }

  private async shards(streamArn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const out = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      shards.push(...(out.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = out.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  }

  private async iterator(position: Position, shardId: string): Promise<string | undefined> {
    const cached = this.iterators.get(shardId);
    if (cached) return cached;
    const after = position.shards[shardId]?.after;
    const request: GetShardIteratorCommandInput = after
      ? { StreamArn: position.streamArn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
      : { StreamArn: position.streamArn, ShardId: shardId, ShardIteratorType: this.options.mapping.startingPosition };
    try {
      return (await this.streams.send(new GetShardIteratorCommand(request))).ShardIterator;
    } catch (error) {
      if ((error as Error).name !== 'TrimmedDataAccessException') throw error;
      // Records older than the stream keeps (24 hours) are gone; say so, and go on from the oldest kept.
      this.options.log(`stream ${this.options.mapping.id}: records after ${after} in ${shardId} were trimmed before they were handled`);
      const oldest = { StreamArn: position.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' as const };
      return (await this.streams.send(new GetShardIteratorCommand(oldest))).ShardIterator;
    }
  }

  /** Reads one batch from a shard and hands it over; true if any record was read. */
  private async pollShard(position: Position, shard: Shard): Promise<boolean> {
    const { mapping } = this.options;
    const shardId = shard.ShardId!;
    let iterator = await this.iterator(position, shardId);
    const batch: LambdaStreamRecord[] = [];
    let last: string | undefined;
    const windowEnds = Date.now() + mapping.maxBatchingWindowMs;
    // Like Lambda: fill the batch until it is full, the batching window is over, or the shard is quiet.
    while (iterator && batch.length < mapping.batchSize) {
      let out;
      try {
        out = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: mapping.batchSize - batch.length }));
      } catch (error) {
        if (!['ExpiredIteratorException', 'TrimmedDataAccessException'].includes((error as Error).name)) throw error;
        this.iterators.delete(shardId);
        return false;
      }
      const records = out.Records ?? [];
      for (const record of records) {
        last = record.dynamodb?.SequenceNumber ?? last;
        const event = lambdaRecord(record, position.streamArn);
        if (this.filter(event)) batch.push(event);
      }
      iterator = out.NextShardIterator;
      if (records.length === 0 && (Date.now() >= windowEnds || this.stopped)) break;
      if (records.length === 0) await this.pause(Math.min(this.options.idleMs ?? 1_000, Math.max(0, windowEnds - Date.now())));
    }
    if (batch.length > 0 && (await this.deliver(shardId, batch, 0)) === 'stopped') {
      // Not handled: the next start reads these records again from the saved position.
      this.iterators.delete(shardId);
      return true;
    }
    if (last) position.shards[shardId] = { ...position.shards[shardId], after: last };
    if (iterator) this.iterators.set(shardId, iterator);
    else {
      // A closed shard is drained: its children come next.
      position.shards[shardId] = { ...position.shards[shardId], done: true };
      this.iterators.delete(shardId);
      this.listed = undefined;
    }
    if (last || !iterator) this.savePosition(position);
    return last !== undefined;
  }

  /** Invokes the function with a batch until it is handled, or its retries are spent. */
  private async deliver(shardId: string, batch: LambdaStreamRecord[], attempt: number): Promise<'done' | 'stopped'> {
    const { mapping } = this.options;
    for (;;) {
      if (this.stopped) return 'stopped';
      let failedFrom: number | undefined;
      let threw = false;
      try {
        const response = await this.options.invoke(mapping.handlerId, { Records: batch });
        if (mapping.reportBatchItemFailures) failedFrom = firstFailure(response as DynamoDBBatchResponse | undefined, batch);
      } catch (error) {
        threw = true;
        this.options.log(`stream ${mapping.id}: ${mapping.handlerId} failed (${(error as Error).name}) on ${batch.length} record(s)`);
      }
      if (!threw && failedFrom === undefined) return 'done';
      const remaining = threw ? batch : batch.slice(failedFrom);
      if (mapping.maxRetryAttempts >= 0 && attempt >= mapping.maxRetryAttempts) {
        this.deadLetter(shardId, remaining);
        return 'done';
      }
      attempt++;
      await this.pause(Math.min(200 * 2 ** (attempt - 1), 10_000));
      if (threw && mapping.bisectBatchOnError && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        if ((await this.deliver(shardId, batch.slice(0, half), attempt)) === 'stopped') return 'stopped';
        return this.deliver(shardId, batch.slice(half), attempt);
      }
      batch = remaining;
    }
  }

  /** What Lambda sends to an on-failure destination: where the records are, never what they hold. */
  private deadLetter(shardId: string, records: LambdaStreamRecord[]): void {
    const { mapping } = this.options;
    const first = records[0]!.dynamodb.SequenceNumber;
    const lastRecord = records[records.length - 1]!.dynamodb.SequenceNumber;
    this.options.log(`stream ${mapping.id}: ${records.length} record(s) from ${first} to ${lastRecord} in ${shardId} exhausted their retries`);
    if (!mapping.hasFailureDestination) return;
    const streamArn = String(records[0]!.eventSourceARN);
    const entry = {
      timestamp: new Date().toISOString(),
      mapping: mapping.id,
      DDBStreamBatchInfo: { shardId, startSequenceNumber: first, endSequenceNumber: lastRecord, batchSize: records.length, streamArn },
    };
    appendFileSync(this.options.deadLettersFile, `${JSON.stringify(entry)}\n`);
  }

  private loadPositions(): Record<string, Position> {
    return existsSync(this.options.positionsFile) ? JSON.parse(readFileSync(this.options.positionsFile, 'utf8')) : {};
  }

  /** Replaces the file whole (write, then rename), so a crash leaves the old position or the new one. */
  private savePosition(position: Position): void {
    const all = { ...this.loadPositions(), [this.options.mapping.id]: position };
    const temporary = `${this.options.positionsFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(all));
    renameSync(temporary, this.options.positionsFile);
  }
}

/**
 * Runs every stream mapping of the template, keeping their places in `stream-positions.json` and
 * records that exhaust their retries in `stream-dead-letters.jsonl`, both in the data folder.
 */
export function startStreamTriggers(
  mappings: StreamMapping[],
  options: Pick<StreamPollerOptions, 'dynamodb' | 'endpoint' | 'invoke' | 'log'> & { dataDir: string },
): { stop(): Promise<void> } {
  const { dataDir, ...shared } = options;
  const pollers = mappings.map(
    (mapping) =>
      new StreamPoller({
        ...shared,
        mapping,
        positionsFile: path.join(dataDir, 'stream-positions.json'),
        deadLettersFile: path.join(dataDir, 'stream-dead-letters.jsonl'),
      }),
  );
  for (const poller of pollers) poller.start();
  return {
    async stop() {
      await Promise.all(pollers.map((poller) => poller.stop()));
    },
  };
}

/** The index of the first record the function reported as failed; an unknown id fails the whole batch. */
function firstFailure(response: DynamoDBBatchResponse | undefined, batch: LambdaStreamRecord[]): number | undefined {
  const failures = response?.batchItemFailures ?? [];
  if (failures.length === 0) return undefined;
  const indexes = failures.map((f) => batch.findIndex((r) => r.dynamodb.SequenceNumber === f.itemIdentifier));
  return indexes.includes(-1) ? 0 : Math.min(...indexes);
}

/** Lambda's shape of a stream record: the creation time in epoch seconds, binary values in base64. */
function lambdaRecord(record: StreamRecord, streamArn: string): LambdaStreamRecord {
  const json = JSON.parse(
    JSON.stringify(record, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value)),
  ) as LambdaStreamRecord & { dynamodb: Record<string, unknown> };
  const created = record.dynamodb?.ApproximateCreationDateTime;
  if (created) json.dynamodb.ApproximateCreationDateTime = Math.floor(created.getTime() / 1000);
  return { ...json, eventSourceARN: streamArn };
}
