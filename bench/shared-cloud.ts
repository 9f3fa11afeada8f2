import { startDrillCloud, type DrillCloud } from '../test/support/drill-cloud';

/**
 * How the bench starts a local cloud: quiet, and DynamoDB Local's JVM held to 1 GB of heap (its
 * default is a quarter of the machine's memory), so a run on a shared machine stays small.
 */
export function startBenchCloud(name: string, env: Record<string, string> = {}): Promise<DrillCloud> {
  return startDrillCloud(name, { DOLBOM_LOG: 'silent', JAVA_TOOL_OPTIONS: '-Xmx1g', ...env });
}

/**
 * The plain local cloud (no meter) the start, submission and guessing sections share, so the run
 * starts one less: the start section leaves it running with its data, the others take it as it is.
 */
export class SharedCloud {
  private cloud?: DrillCloud;

  /** The running cloud, started now if no section has. */
  async get(): Promise<DrillCloud> {
    this.cloud ??= await startBenchCloud('bench');
    return this.cloud;
  }

  adopt(cloud: DrillCloud): void {
    this.cloud = cloud;
  }

  async dispose(): Promise<void> {
    await this.cloud?.dispose();
    this.cloud = undefined;
  }
}
