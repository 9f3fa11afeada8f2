import { startDrillCloud, type DrillCloud } from '../test/support/drill-cloud';

/**
 * The plain local cloud (no meter) the start, submission and guessing sections share, so the run
 * starts one less: the start section leaves it running with its data, the others take it as it is.
 */
export class SharedCloud {
  private cloud?: DrillCloud;

  /** The running cloud, started now if no section has. */
  async get(): Promise<DrillCloud> {
    this.cloud ??= await startDrillCloud('bench', { DOLBOM_LOG: 'silent' });
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
