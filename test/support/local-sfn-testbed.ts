/**
 * The setting of the local Step Functions service's quota tests (one year, 256 KiB, 25,000 events):
 * DynamoDB Local, the service's JSON API over HTTP, and the real @aws-sdk/client-sfn. One DynamoDB
 * Local per test file; each `boot` is one service (on its own table, or a given one to simulate a
 * restart), stopped with the file.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, type ExecutionStatus, type HistoryEvent } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, expect } from 'vitest';
import { createDynamoDbClient, startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb';
import { LocalStepFunctions } from '../../workflows/local/service';
import type { InvokeLambda } from '../../workflows/local/task-handlers';
import { freePort } from './free-ports';

export const ACCOUNT = '000000000000';
export const machineArn = (name: string) => `arn:aws:states:ap-northeast-2:${ACCOUNT}:stateMachine:${name}`;

export function localSfnTestbed(name: string, invokeLambda: InvokeLambda) {
  let dynamo: DynamoDbLocal | undefined;
  let dynamodb: DynamoDBClient;
  let dataDir: string | undefined;
  const booted: { service: LocalStepFunctions; client: SFNClient }[] = [];

  beforeAll(async () => {
    dataDir = join(tmpdir(), `dolbom-${name}-${randomUUID()}`);
    dynamo = await startDynamoDbLocal({ port: await freePort(), dataDir });
    dynamodb = createDynamoDbClient(dynamo.endpoint);
  }, 60_000);

  afterAll(async () => {
    for (const { service, client } of booted) {
      client.destroy();
      await service.stop();
    }
    await dynamo?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** A service with these machines, listening; `stop()` it to simulate a restart (then boot again on its table). */
  async function boot(options: { machines: Record<string, object>; tableName?: string; maxHistoryEvents?: number }) {
    const { machines, tableName = `${name}-${randomUUID()}`, ...limits } = options;
    const service = new LocalStepFunctions({ dynamodb, tableName, invokeLambda, log: () => {}, ...limits });
    for (const [machine, definition] of Object.entries(machines)) service.registerStateMachine({ name: machine, definition });
    await service.start();
    const server: Server = await service.listen(0);
    const { port } = server.address() as AddressInfo;
    const client = new SFNClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'ap-northeast-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    booted.push({ service, client });
    return { service, client };
  }

  return { boot };
}

/** Polls (real time, briefly) until `check` passes. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** A moment for the service to write what it just did. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Every page of an execution's history. */
export async function historyOf(client: SFNClient, executionArn: string, reverseOrder = false): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, reverseOrder, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

export function untilStatus(client: SFNClient, executionArn: string, status: ExecutionStatus) {
  return eventually(async () => {
    const execution = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(execution.status).toBe(status);
    return execution;
  });
}
