import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { advanceClock, clockOffsetMs, now, setClockOffset } from '../../functions/commons/clock';
import { LocalStepFunctions } from '../../workflows/local/service';
import { projectRoot } from '../paths';
import { synthesize } from '../synth';
import { parseAdvance } from './duration';
import { createDynamoDbClient, startDynamoDbLocal } from './dynamodb';
import { createGateway, type LocalRouteHandler } from './gateway';
import { LocalIdentity } from './identity';
import { LocalLambdaRuntime } from './lambda-runtime';
import { seedProviders, seededStaff } from './seed';
import { LOCAL_REGION, stateMachines, tableDefinitions } from './template';
import { buildWeb } from '../../web/build';

export interface LocalCloudOptions {
  /** Everything the local cloud keeps between runs: database, clock, keys. */
  dataDir: string;
  port: number;
  sfnPort: number;
  dynamodbPort: number;
  log?: (line: string) => void;
}

export interface LocalCloud {
  urls: { api: string; web: string; stepFunctions: string; dynamodb: string };
  lifecycleArn: string;
  /** Milliseconds from call to ready, and the part spent synthesizing. */
  timings: { totalMs: number; synthMs: number; dynamodbMs: number };
  stop(): Promise<void>;
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
      await client.send(new DescribeTableCommand({ TableName: create.TableName }));
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
  const sfnUrl = `http://127.0.0.1:${options.sfnPort}`;
  // Handlers find everything through the standard SDK variables, as they would in Lambda.
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_ENDPOINT_URL_SFN: sfnUrl,
    LOCAL_MASTER_KEY: persistentSecret(path.join(options.dataDir, 'master.key')),
  });
  delete process.env.DATA_KEY_ID;

  const synthStarted = Date.now();
  const templates = synthesize('dev');
  const synthMs = Date.now() - synthStarted;
  const client = createDynamoDbClient(dynamodb.endpoint);
  const [tableName] = await createTables(client, templates.data);
  process.env.TABLE_NAME = tableName;
  await seedProviders(DynamoDBDocumentClient.from(client), tableName!);

  const runtime = new LocalLambdaRuntime();
  await runtime.warmUp();
  const stepFunctions = new LocalStepFunctions({ dynamodb: client, invokeLambda: runtime.invokeByArn, log });
  const arns = stateMachines(templates.data, templates.app).map((m) => stepFunctions.registerStateMachine(m));
  const lifecycleArn = arns.find((arn) => arn.endsWith('-lifecycle'))!;
  process.env.LIFECYCLE_STATE_MACHINE_ARN = lifecycleArn;
  await stepFunctions.listen(options.sfnPort, '127.0.0.1');
  await stepFunctions.start();

  const identity = new LocalIdentity(seededStaff, path.join(options.dataDir, 'issuer.key'));
  const localRoutes: LocalRouteHandler = async (req, res, url, body) => {
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(payload));
      return true;
    };
    if (!url.pathname.startsWith('/local/')) return false;
    const input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, string>) : {};
    if (url.pathname === '/local/health') return reply(200, { ok: true, now: now().toISOString() });
    if (url.pathname === '/local/clock' && req.method === 'GET') return reply(200, { now: now().toISOString(), offsetMs: clockOffsetMs() });
    if (url.pathname === '/local/clock' && req.method === 'POST') {
      try {
        advanceClock(parseAdvance(String(input.advance ?? '')));
      } catch (error) {
        return reply(400, { error: (error as Error).message });
      }
      saveClock();
      // Answers at once; the timers it fired drain behind (GET /local/timers says when).
      return reply(200, { now: now().toISOString(), offsetMs: clockOffsetMs(), timers: stepFunctions.timerStatus() });
    }
    if (url.pathname === '/local/timers' && req.method === 'GET') return reply(200, stepFunctions.timerStatus());
    if (url.pathname === '/local/auth/sign-in' && req.method === 'POST') {
      const idToken = await identity.signIn(String(input.username ?? ''), String(input.password ?? ''));
      return idToken ? reply(200, { idToken }) : reply(401, { error: 'Unknown user or wrong password' });
    }
    return reply(404, { error: 'Not Found' });
  };
  const staticDir = path.join(options.dataDir, 'web');
  await buildWeb(staticDir);
  const gateway = createServer(createGateway({ runtime, identity, localRoutes, staticDir }));
  await listen(gateway, options.port);

  const api = `http://127.0.0.1:${options.port}`;
  return {
    urls: { api, web: `http://localhost:${options.port}/`, stepFunctions: sfnUrl, dynamodb: dynamodb.endpoint },
    lifecycleArn,
    timings: { totalMs: Date.now() - started, synthMs, dynamodbMs },
    async stop() {
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
      gateway.closeAllConnections();
      await stepFunctions.stop();
      await dynamodb.stop();
    },
  };
}

export const defaultDataDir = path.join(projectRoot, '.local');
