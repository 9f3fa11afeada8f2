import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { freeCloudPorts } from '../../test/support/free-ports';
import { ratio, seconds, type Section } from '../report';
import { startBenchCloud, type SharedCloud } from '../shared-cloud';

/**
 * `npm run bench -- start`: how long `npm start` takes until the HTTP API answers, on fresh data and
 * on the data it left. Baseline: DynamoDB Local alone (a JVM), which the local cloud starts first.
 */
export async function startSection(shared: SharedCloud): Promise<Section[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dolbom-bench-dynamodb-'));
  const port = (await freeCloudPorts()).dynamodbPort;
  let started = performance.now();
  let dynamodbMs: number;
  try {
    const db = await startDynamoDbLocal({ port, dataDir });
    dynamodbMs = performance.now() - started;
    await db.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  started = performance.now();
  const cloud = await startBenchCloud('bench');
  const freshMs = performance.now() - started;
  await cloud.process.stop();
  started = performance.now();
  await cloud.restart();
  const warmMs = performance.now() - started;
  shared.adopt(cloud);
  return [
    {
      id: 'start',
      title: 'Local cloud start',
      summary:
        '`npm start`\'s program as a child process, from spawn until `GET /local/health` answers: DynamoDB Local, CDK synthesis of the templates, the tables, ' +
        'the seeded registry, the state machines, every handler loaded, the web pages built. Baseline: DynamoDB Local alone, started the same way.',
      tables: [
        {
          columns: ['start', 'time', 'ratio to DynamoDB Local alone'],
          rows: [
            ['DynamoDB Local alone', seconds(dynamodbMs / 1000), '1.00×'],
            ['local cloud, fresh data', seconds(freshMs / 1000), ratio(freshMs, dynamodbMs)],
            ['local cloud, existing data', seconds(warmMs / 1000), ratio(warmMs, dynamodbMs)],
          ],
        },
      ],
      notes: [],
      data: { dynamodbMs, freshMs, warmMs },
    },
  ];
}
