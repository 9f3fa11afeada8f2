import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning } from '../../infra/local/dynamodb';

export interface CloudPorts {
  port: number;
  sfnPort: number;
  dynamodbPort: number;
  s3Port: number;
}

export interface CloudProcess {
  /** The local cloud's process (its group's leader). */
  pid: number;
  /** Its DynamoDB Local's process, once started (a group of its own). */
  databasePid(): number | undefined;
  api: string;
  sfn: string;
  dynamodb: string;
  s3: string;
  logFile: string;
  /** Resolves with the exit code once the local cloud's process has ended. */
  exited: Promise<number | null>;
  /** Sends SIGTERM to the local cloud's process group, as Ctrl-C in a terminal or a service manager does, and returns at once. */
  terminate(): void;
  /** `terminate()`, then waits for the local cloud to end. */
  stop(): Promise<void>;
  /** Kills the local cloud's process the hard way (SIGKILL), leaving its DynamoDB Local orphaned. */
  crash(): Promise<void>;
  /**
   * A power cut: SIGKILL to the local cloud's whole process group and to its DynamoDB Local (a group
   * of its own, named by its pid file), at once, so nothing gets to finish, flush or clean up.
   */
  powerCut(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Runs `npm start`'s program as a child process, the way a developer does, with its own ports and
 * data folder, and waits until it answers. Its output goes to a log file the privacy tests read.
 */
export async function startCloudProcess(
  dataDir: string,
  ports: CloudPorts,
  timeoutMs = 120_000,
  extraEnv: Record<string, string> = {},
): Promise<CloudProcess> {
  const logFile = path.join(dataDir, 'cloud.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(ports.port),
      SFN_PORT: String(ports.sfnPort),
      DYNAMODB_PORT: String(ports.dynamodbPort),
      S3_PORT: String(ports.s3Port),
      DOLBOM_DATA_DIR: dataDir,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as a terminal gives `npm start`: signals go to the whole group.
    detached: true,
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  // A test run that ends without stopping it must not leave it running.
  const stopOnExit = () => signalGroup('SIGTERM');
  process.once('exit', stopOnExit);
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
    process.off('exit', stopOnExit);
  });

  const api = `http://127.0.0.1:${ports.port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`The local cloud exited (code ${exitCode}) before it was ready; see ${logFile}`);
    try {
      if ((await fetch(`${api}/local/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      signalGroup('SIGTERM');
      throw new Error(`The local cloud was not ready within ${timeoutMs} ms; see ${logFile}`);
    }
    await sleep(250);
  }
  return {
    pid: child.pid!,
    databasePid: () => databasePid(dataDir),
    api,
    sfn: `http://127.0.0.1:${ports.sfnPort}`,
    dynamodb: `http://127.0.0.1:${ports.dynamodbPort}`,
    s3: `http://127.0.0.1:${ports.s3Port}`,
    logFile,
    exited,
    terminate: () => signalGroup('SIGTERM'),
    async stop() {
      if (exitCode === undefined) {
        signalGroup('SIGTERM');
        await exited;
      }
      log.end();
    },
    async crash() {
      child.kill('SIGKILL');
      await exited;
      log.end();
    },
    async powerCut() {
      const database = databasePid(dataDir);
      signalGroup('SIGKILL');
      if (database) killGroup(database, 'SIGKILL');
      await exited;
      for (let i = 0; i < 100 && database && isRunning(database); i++) await sleep(50);
      log.end();
    },
  };
}

/** The DynamoDB Local a local cloud started on this data folder (infra/local/dynamodb.ts writes its pid file). */
function databasePid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'dynamodb', 'dynamodb-local.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
