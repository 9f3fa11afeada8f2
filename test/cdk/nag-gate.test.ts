import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { loadEnvironmentConfig, stageNames } from '../../infra/config';
import { buildDolbom } from '../../infra/dolbom';
import { nagAcknowledgements } from '../../infra/nag-acknowledgements';
import { applyNagPacks } from '../../infra/nag';
import { projectRoot } from '../../infra/paths';

interface Report {
  pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string; description: string; violatingConstructs: { constructPath: string }[] }[] }[];
}

/** Synthesizes an environment as `cdk synth` does, with both packs; returns the validation report. */
function nagReport(stage: (typeof stageNames)[number]): { report?: Report; failed: boolean } {
  const cdkJson = JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const outdir = mkdtempSync(path.join(tmpdir(), 'dolbom-nag-'));
  try {
    const app = new App({ outdir, context: { ...cdkJson.context, env: stage, 'aws:cdk:bundling-stacks': [] } });
    buildDolbom(app, loadEnvironmentConfig(stage));
    applyNagPacks(app);
    let failed = false;
    try {
      app.synth();
    } catch (error) {
      if (!/Validation failed/.test(String(error))) throw error;
      failed = true;
    }
    const file = path.join(outdir, 'validation-report.json');
    return { report: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Report) : undefined, failed };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe.each(stageNames)('the cdk-nag gate in %s', (stage) => {
  it('finds nothing that is neither fixed nor acknowledged with a reason (AwsSolutions and Serverless packs)', () => {
    const { report, failed } = nagReport(stage);
    const findings = (report?.pluginReports ?? []).flatMap((plugin) =>
      plugin.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}: ${v.description}`)),
    );
    if (findings.length > 0) {
      console.log(`New cdk-nag findings in ${stage}: fix each in the stack, or acknowledge it with a reason in infra/nag-acknowledgements.ts\n${findings.join('\n')}`);
    }
    expect(findings).toEqual([]);
    expect(failed).toBe(false);
    // Synthesizing a whole environment with two packs takes a while on a busy machine.
  }, 180_000);
});

describe('the acknowledgements', () => {
  it('each carry a reason of at least a sentence', () => {
    for (const stage of stageNames) {
      for (const { id, reason } of Object.values(nagAcknowledgements(loadEnvironmentConfig(stage))).flat()) {
        expect(reason.length, id).toBeGreaterThan(40);
        expect(reason, id).toMatch(/\.$/);
      }
    }
  });
});
