import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoDbClient, startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb';
import { LocalLambdaRuntime } from '../../infra/local/lambda-runtime';
import { seedProviders } from '../../infra/local/seed';
import { LOCAL_REGION, stateMachines, tableDefinitions } from '../../infra/local/template';
import { synthesize } from '../../infra/synth';
import type { InvokeLambda } from '../../workflows/local/task-handlers';
import { LocalStepFunctions } from '../../workflows/local/service';
import { freePort } from './free-ports';

export interface StepFunctionsInstance {
  service: LocalStepFunctions;
  sfn: SFNClient;
  /** What a crash leaves: the port is released, the instance is never stopped and never answers again. */
  abandon(): Promise<void>;
}

export interface InProcessCloud {
  db: DynamoDbLocal;
  client: DynamoDBClient;
  runtime: LocalLambdaRuntime;
  /** Starts a Step Functions service on the shared tables and port, with the Lambda invoker given. */
  startStepFunctions(invokeLambda: InvokeLambda): Promise<StepFunctionsInstance>;
  dispose(): Promise<void>;
}

/**
 * The parts of `npm start` in the test's own process — DynamoDB Local, the synthesized tables and
 * state machines, the handlers — so a drill can run Step Functions services of its own on them:
 * start one, abandon it the way a crash would, and start another on the same tables. The handlers
 * find everything through the standard variables, as in `infra/local/cloud.ts`.
 */
export async function startInProcessCloud(name: string): Promise<InProcessCloud> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `dolbom-drill-${name}-`));
  const db = await startDynamoDbLocal({ port: await freePort(), dataDir: path.join(dataDir, 'dynamodb') });
  const sfnPort = await freePort();
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${sfnPort}`,
    LOCAL_MASTER_KEY: randomBytes(32).toString('hex'),
  });
  delete process.env.DATA_KEY_ID;

  const templates = synthesize('dev');
  const client = createDynamoDbClient(db.endpoint);
  const tables = tableDefinitions(templates.data).map(({ create }) => create);
  for (const create of tables) await client.send(new CreateTableCommand(create));
  process.env.TABLE_NAME = tables[0]!.TableName;
  await seedProviders(DynamoDBDocumentClient.from(client), process.env.TABLE_NAME!);
  const machines = stateMachines(templates.data, templates.app);
  process.env.LIFECYCLE_STATE_MACHINE_ARN = `arn:aws:states:${LOCAL_REGION}:000000000000:stateMachine:${machines.find((m) => m.name.endsWith('-lifecycle'))!.name}`;
  const runtime = new LocalLambdaRuntime();
  await runtime.warmUp();

  const started: { service: LocalStepFunctions; server: Server; sfn: SFNClient }[] = [];
  return {
    db,
    client,
    runtime,
    async startStepFunctions(invokeLambda) {
      const service = new LocalStepFunctions({ dynamodb: client, invokeLambda, log: () => {} });
      for (const machine of machines) service.registerStateMachine(machine);
      const server = await service.listen(sfnPort);
      await service.start();
      const sfn = new SFNClient({
        endpoint: `http://127.0.0.1:${sfnPort}`,
        region: LOCAL_REGION,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      started.push({ service, server, sfn });
      return {
        service,
        sfn,
        async abandon() {
          sfn.destroy();
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
        },
      };
    },
    async dispose() {
      for (const { service, sfn } of started) {
        sfn.destroy();
        await service.stop();
      }
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
