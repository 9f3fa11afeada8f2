import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clientsFor } from './clients';
import { freeCloudPorts } from './free-ports';
import { startCloudProcess, type CloudPorts, type CloudProcess } from './local-cloud-process';

export interface DrillCloud {
  dataDir: string;
  ports: CloudPorts;
  process: CloudProcess;
  clients: ReturnType<typeof clientsFor>;
  /** Starts the same local cloud again (same data folder and ports), after a stop or a crash. */
  restart(env?: Record<string, string>): Promise<void>;
  /** Stops it and removes its data folder. */
  dispose(): Promise<void>;
}

/**
 * A local cloud of the drill's own — fresh data folder, free ports — run as `npm start` runs it, so
 * a drill may crash it, stop it or flood it without touching any other test.
 */
export async function startDrillCloud(name: string, env: Record<string, string> = {}): Promise<DrillCloud> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `dolbom-drill-${name}-`));
  const ports = await freeCloudPorts();
  const drill: DrillCloud = {
    dataDir,
    ports,
    process: await startCloudProcess(dataDir, ports, undefined, env),
    clients: undefined as never,
    async restart(again = env) {
      drill.process = await startCloudProcess(dataDir, ports, undefined, again);
      drill.clients = clientsFor(drill.process);
    },
    async dispose() {
      await drill.process.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  drill.clients = clientsFor(drill.process);
  return drill;
}
