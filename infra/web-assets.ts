import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DockerImage } from 'aws-cdk-lib';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { projectRoot } from './paths';

/**
 * The pages as the web stack deploys them: `web/build.ts --target=aws`, run by CDK's asset bundling
 * at synth time, on this machine (esbuild, no network, no Docker). That build writes no config.json
 * (the stack writes it at deploy time) and leaves out the local sign-in chunk.
 * Tests that skip bundling (infra/synth.ts) skip this build too.
 */
export function builtPages(): s3deploy.ISource {
  return s3deploy.Source.asset(path.join(projectRoot, 'web'), {
    exclude: ['dist'],
    bundling: {
      // Never used: local bundling either builds or fails loudly.
      image: DockerImage.fromRegistry('local-bundling-only'),
      local: {
        tryBundle(outputDir) {
          buildDeployedPages(outputDir);
          return true;
        },
      },
    },
  });
}

/** Runs the deployed build into `outDir` (a child process: CDK's bundling is synchronous, esbuild's splitting build is not). */
export function buildDeployedPages(outDir: string): void {
  const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
  execFileSync(tsx, [path.join(projectRoot, 'web', 'build.ts'), outDir, '--target=aws'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
}
