import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { CreateTableCommand, DescribeTableCommand, UpdateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { advanceClock, clockOffsetMs, now, setClockOffset } from '../../functions/commons/clock';
import { faults } from '../../functions/commons/faults';
import { parseJsonBody } from '../../functions/commons/json-body';
import { HttpProblem } from '../../functions/commons/problems';
import type { HandlerId } from '../../functions/catalog';
import { LocalStepFunctions } from '../../workflows/local/service';
import { projectRoot } from '../paths';
import { synthesize } from '../synth';
import { parseAdvance } from './duration';
import { createDynamoDbClient, startDynamoDbLocal } from './dynamodb';
import { LOCAL_DOCUMENTS_BUCKET, startLocalS3 } from './s3';
import { drainingServer, type DrainReport } from './draining-server';
import { createGateway, INTEGRATION_TIMEOUT_MS, type LocalRouteHandler } from './gateway';
import { LocalIdentity } from './identity';
import { answerTokenRequest } from './token-endpoint';
import { LocalLambdaRuntime } from './lambda-runtime';
import { mailboxChannels, mailboxMessages, mailboxPage } from './mailbox';
import { installChannels } from '../../functions/notifications/channels';
import { pageSecurityHeaders } from '../../web/security-headers';
import { seedProviders, seededStaff } from './seed';
import { startStreamTriggers } from './stream-poller';
import { LOCAL_REGION, stateMachines, streamMappings, tableDefinitions } from './template';
import { tableGrants } from './table-policy';
import { STATE_MACHINE_ALIAS } from '../constructs/state-machine-release';
import { buildWeb } from '../../web/build';

export interface LocalCloudOptions {
  /** Everything the local cloud keeps between runs: database, clock, keys. */
  dataDir: string;
  port: number;
  sfnPort: number;
  dynamodbPort: number;
  /** s3rver, the documents bucket. */
  s3Port: number;
  log?: (line: string) => void;
}

export interface LocalCloud {
  urls: { api: string; web: string; stepFunctions: string; dynamodb: string; s3: string };
  lifecycleArn: string;
  /** Milliseconds from call to ready, and the part spent synthesizing. */
  timings: { totalMs: number; synthMs: number; dynamodbMs: number };
  /** Drains the HTTP API (503 to new requests), then stops Step Functions, then DynamoDB Local. */
  stop(): Promise<DrainReport>;
}

function persistentSecret(file: string): string {
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function createTables(client: DynamoDBClient, template: ReturnType<typeof synthesize>['data']): Promise<string[]> {
  const names: string[] = [];
  for (const { create, ttlAttribute } of tableDefinitions(template)) {
    names.push(create.TableName!);
    try {
      const { Table: existing } = await client.send(new DescribeTableCommand({ TableName: create.TableName }));
      // A data folder from before the table had its stream gets one.
      if (create.StreamSpecification && !existing?.StreamSpecification?.StreamEnabled) {
        await client.send(new UpdateTableCommand({ TableName: create.TableName, StreamSpecification: create.StreamSpecification }));
      }
      // …and the indexes added since (GSI2, the work queue by received date).
      const have = new Set((existing?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
      for (const index of create.GlobalSecondaryIndexes ?? []) {
        if (have.has(index.IndexName)) continue;
        const names = new Set(index.KeySchema?.map((k) => k.AttributeName));
        await client.send(
          new UpdateTableCommand({
            TableName: create.TableName,
            AttributeDefinitions: create.AttributeDefinitions?.filter((a) => names.has(a.AttributeName)),
            GlobalSecondaryIndexUpdates: [{ Create: index }],
          }),
        );
      }
      continue;
    } catch (error) {
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    }
    await client.send(new CreateTableCommand(create));
    if (ttlAttribute) {
      await client.send(new UpdateTimeToLiveCommand({ TableName: create.TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: ttlAttribute } }));
    }
  }
  return names;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** The JSON object an operator route reads, answered like the API answers bad input (400, in Korean and English). */
function operatorInput(body: Buffer): Record<string, unknown> {
  const input = body.length ? parseJsonBody(body.toString('utf8')) : {};
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input as Record<string, unknown>;
  throw new HttpProblem(400, 'invalid-input', { ko: '본문은 JSON 객체여야 합니다.', en: 'The body must be a JSON object.' });
}

function parseClockAdvance(advance: unknown): number {
  try {
    return parseAdvance(String(advance ?? ''));
  } catch (error) {
    throw new HttpProblem(400, 'invalid-input', {
      ko: `"${String(advance ?? '')}"은(는) 기간이 아닙니다: +30d, +12h, +90m, +45s, +2w처럼 쓰세요.`,
      en: (error as Error).message,
    });
  }
}

/**
 * Starts the whole system on this machine: DynamoDB Local, the tables and state machines CDK
 * synthesizes, the local Step Functions service, the handlers and the HTTP API with the web pages.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  mkdirSync(options.dataDir, { recursive: true });

  // Time: the virtual clock survives restarts, or durable timers would fire early or late.
  const clockFile = path.join(options.dataDir, 'clock.json');
  if (existsSync(clockFile)) setClockOffset(JSON.parse(readFileSync(clockFile, 'utf8')).offsetMs);
  const saveClock = () => writeFileSync(clockFile, JSON.stringify({ offsetMs: clockOffsetMs() }));

  const dynamodb = await startDynamoDbLocal({ port: options.dynamodbPort, dataDir: path.join(options.dataDir, 'dynamodb') });
  const dynamodbMs = Date.now() - started;
  const s3 = await startLocalS3({ port: options.s3Port, dataDir: path.join(options.dataDir, 's3'), accessKeyId: 'local', secretAccessKey: 'local' });
  const sfnUrl = `http://127.0.0.1:${options.sfnPort}`;
  // Handlers find everything through the standard SDK variables, as they would in Lambda.
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_ENDPOINT_URL_SFN: sfnUrl,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    DOCUMENTS_BUCKET: LOCAL_DOCUMENTS_BUCKET,
    LOCAL_MASTER_KEY: persistentSecret(path.join(options.dataDir, 'master.key')),
    NOTIFICATION_EMAIL_FROM: 'no-reply@dolbom.local',
    CASE_MANAGERS_EMAIL: 'case-managers-{district}@dolbom.local',
  });
  delete process.env.DATA_KEY_ID;
  delete process.env.ACCESS_CODE_KEY_ID;

  const synthStarted = Date.now();
  const templates = synthesize('dev');
  const synthMs = Date.now() - synthStarted;
  const client = createDynamoDbClient(dynamodb.endpoint);
  const [tableName] = await createTables(client, templates.data);
  process.env.TABLE_NAME = tableName;
  const documents = DynamoDBDocumentClient.from(client);
  await seedProviders(documents, tableName!);
  // SMS and e-mail go to the local mailbox (listed at /local/mailbox), never to SNS or SES.
  installChannels(mailboxChannels(documents, tableName!));

  // Each handler may call only what its role grants on the table, as in AWS.
  const runtime = new LocalLambdaRuntime({ tableGrants: tableGrants(templates.app) });
  await runtime.warmUp();
  const stepFunctions = new LocalStepFunctions({ dynamodb: client, invokeLambda: runtime.invokeByArn, log });
  const arns = stateMachines(templates.data, templates.app).map((m) => stepFunctions.registerStateMachine(m));
  const lifecycleArn = arns.find((arn) => arn.endsWith('-lifecycle'))!;
  // Handlers start executions through the machines' aliases, as deployed (infra/constructs/state-machine-release.ts).
  process.env.LIFECYCLE_STATE_MACHINE_ARN = `${lifecycleArn}:${STATE_MACHINE_ALIAS}`;
  process.env.BULK_DECISIONS_STATE_MACHINE_ARN = `${arns.find((arn) => arn.endsWith('-bulk-decisions'))!}:${STATE_MACHINE_ALIAS}`;
  await stepFunctions.listen(options.sfnPort, '127.0.0.1');
  await stepFunctions.start();
  // The table stream's triggers (every stored application gets its execution), their places kept on disk.
  const streamTriggers = startStreamTriggers(streamMappings(templates.data, templates.app), {
    dynamodb: client,
    endpoint: dynamodb.endpoint,
    invoke: (handlerId, event) => runtime.invoke(handlerId as HandlerId, event),
    dataDir: options.dataDir,
    log,
  });

  const identity = new LocalIdentity(seededStaff, path.join(options.dataDir, 'issuer.key'));
  const localRoutes: LocalRouteHandler = async (req, res, url, body) => {
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(payload));
      return true;
    };
    if (!url.pathname.startsWith('/local/')) return false;
    try {
      if (url.pathname === '/local/health') return reply(200, { ok: true, now: now().toISOString() });
      if (url.pathname === '/local/clock' && req.method === 'GET') return reply(200, { now: now().toISOString(), offsetMs: clockOffsetMs() });
      if (url.pathname === '/local/clock' && req.method === 'POST') {
        advanceClock(parseClockAdvance(operatorInput(body).advance));
        saveClock();
        // Answers at once; the timers it fired drain behind (GET /local/timers says when).
        return reply(200, { now: now().toISOString(), offsetMs: clockOffsetMs(), timers: stepFunctions.timerStatus() });
      }
      if (url.pathname === '/local/timers' && req.method === 'GET') return reply(200, stepFunctions.timerStatus());
      // Drills: the DOLBOM_FAULTS plan the handlers run under, and the faults injected so far by site and kind.
      if (url.pathname === '/local/faults' && req.method === 'GET') return reply(200, { plan: faults?.plan ?? null, injected: faults?.counts ?? {} });
      // What AWS would bill so far, per handler (infra/local/usage-meter.ts): `npm run bench` prices a lifecycle with it.
      if (url.pathname === '/local/meter' && req.method === 'GET') {
        if (!runtime.meter) throw new HttpProblem(404, 'not-found', { ko: '사용량 계측이 꺼져 있습니다: DOLBOM_METER=on으로 시작하세요.', en: 'The usage meter is off: start with DOLBOM_METER=on.' });
        return reply(200, runtime.meter.snapshot());
      }
      if (url.pathname === '/local/mailbox/messages' && req.method === 'GET') return reply(200, { messages: await mailboxMessages(documents, tableName!) });
      if (url.pathname === '/local/mailbox' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...pageSecurityHeaders });
        res.end(mailboxPage(await mailboxMessages(documents, tableName!)));
        return true;
      }
      if (url.pathname === '/local/auth/sign-in' && req.method === 'POST') {
        const input = operatorInput(body);
        const tokens = await identity.signIn(String(input.username ?? ''), String(input.password ?? ''));
        if (!tokens) throw new HttpProblem(401, 'unauthorized', { ko: '아이디 또는 비밀번호가 맞지 않습니다.', en: 'Unknown user or wrong password.' });
        return reply(200, tokens);
      }
      // Renewal and sign-out, in Cognito's request and answer shapes (infra/local/token-endpoint.ts).
      const tokenAnswer = req.method === 'POST' ? await answerTokenRequest(identity, url.pathname, body.toString('utf8')) : undefined;
      if (tokenAnswer) {
        if (tokenAnswer.body !== undefined) return reply(tokenAnswer.status, tokenAnswer.body);
        res.writeHead(tokenAnswer.status).end();
        return true;
      }
      return reply(404, { error: 'Not Found' });
    } catch (error) {
      if (error instanceof HttpProblem) return reply(error.status, error.toBody());
      throw error;
    }
  };
  const staticDir = path.join(options.dataDir, 'web');
  await buildWeb(staticDir);
  // No request outlasts API Gateway's integration timeout, so none is cut short by the drain.
  // The status page uploads straight to the bucket: its origin joins the pages' connect-src.
  const gateway = drainingServer(createGateway({ runtime, identity, localRoutes, staticDir, uploadOrigin: s3.endpoint }), INTEGRATION_TIMEOUT_MS);
  await listen(gateway.server, options.port);

  const api = `http://127.0.0.1:${options.port}`;
  return {
    urls: { api, web: `http://localhost:${options.port}/`, stepFunctions: sfnUrl, dynamodb: dynamodb.endpoint, s3: s3.endpoint },
    lifecycleArn,
    timings: { totalMs: Date.now() - started, synthMs, dynamodbMs },
    async stop() {
      // Outside in: the requests in flight finish with the triggers, workflows and database still there.
      const drained = await gateway.stop();
      await streamTriggers.stop();
      await stepFunctions.stop();
      await s3.stop();
      await dynamodb.stop();
      return drained;
    },
  };
}

export const defaultDataDir = path.join(projectRoot, '.local');
