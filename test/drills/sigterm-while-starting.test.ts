import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { isRunning } from '../../infra/local/dynamodb';
import { freeCloudPorts } from '../support/free-ports';

/**
 * Issue 6, item 3, at its edge: a Ctrl-C while `npm start` is still starting. DynamoDB Local runs in
 * a process group of its own (so the API can drain first), which must not leave it running when the
 * local cloud is stopped before it was ready.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dolbom-drill-sigterm-starting-'));
const pidFile = path.join(dataDir, 'dynamodb', 'dynamodb-local.pid');

let cloudProcess: ChildProcess | undefined;
afterAll(() => {
  // Should the drill fail half-way, nothing it started outlives it.
  if (cloudProcess?.exitCode === null) cloudProcess.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a SIGTERM while the local cloud is starting', () => {
  it('stops it and leaves no DynamoDB Local behind', async () => {
    const ports = await freeCloudPorts();
    const child = (cloudProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(ports.port), SFN_PORT: String(ports.sfnPort), DYNAMODB_PORT: String(ports.dynamodbPort), S3_PORT: String(ports.s3Port), DOLBOM_DATA_DIR: dataDir },
      stdio: 'ignore',
    }));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // DynamoDB Local is spawned first; the cloud is not ready for seconds after that.
    const deadline = Date.now() + 60_000;
    while (!(existsSync(pidFile) && readFileSync(pidFile, 'utf8')) && Date.now() < deadline) await sleep(20);
    const databasePid = Number(readFileSync(pidFile, 'utf8'));
    expect(isRunning(databasePid)).toBe(true);

    child.kill('SIGTERM');
    await exited;
    for (let i = 0; i < 50 && isRunning(databasePid); i++) await sleep(100);
    const orphaned = isRunning(databasePid);
    if (orphaned) process.kill(databasePid, 'SIGKILL');
    expect(orphaned).toBe(false);
  });
});
