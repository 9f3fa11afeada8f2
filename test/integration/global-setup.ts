import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freeCloudPorts } from '../support/free-ports';
import { startCloudProcess } from '../support/local-cloud-process';

declare module 'vitest' {
  export interface ProvidedContext {
    cloud: { api: string; sfn: string; dynamodb: string; s3: string; logFile: string; dataDir: string };
  }
}

/** One local cloud for the whole integration run, on ports of its own and a fresh data folder. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dolbom-it-'));
  const cloud = await startCloudProcess(dataDir, await freeCloudPorts());
  project.provide('cloud', { api: cloud.api, sfn: cloud.sfn, dynamodb: cloud.dynamodb, s3: cloud.s3, logFile: cloud.logFile, dataDir });
  return async () => {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
