import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type NestedStack } from 'aws-cdk-lib';
import { loadEnvironmentConfig, type Stage } from './config';
import { buildDolbom, stackNames } from './dolbom';
import { projectRoot } from './paths';

export type Template = {
  Resources: Record<string, { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, unknown> }>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
};

export interface SynthesizedDolbom {
  data: Template;
  app: Template;
  /** us-east-1: the WAF web ACL and the pages' certificate. */
  edge: Template;
  web: Template;
  /** The application stack's nested stack of alarms and dashboard (infra/constructs/observability.ts). */
  observability: Template;
  /** The application stack's nested stack of CodeDeploy groups and their rollback alarms (infra/constructs/safe-deploys.ts). */
  safeDeploys: Template;
  /** The application stack's nested stack of the functions' log groups (infra/constructs/function-logs.ts). */
  functionLogs: Template;
}

/**
 * Synthesizes an environment in-process (the same app `cdk synth` runs, with cdk.json's context), for
 * the local cloud and the tests. Bundling is skipped unless asked for: the local cloud loads handler
 * sources directly, and the assertion tests look at templates, not bundles.
 */
export function synthesize(stage: Stage = 'dev', options: { bundle?: boolean } = {}): SynthesizedDolbom {
  const cdkJson = JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const outdir = mkdtempSync(path.join(tmpdir(), 'dolbom-synth-'));
  try {
    const app = new App({
      outdir,
      context: { ...cdkJson.context, env: stage, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
    });
    const { application } = buildDolbom(app, loadEnvironmentConfig(stage));
    const assembly = app.synth();
    const names = stackNames(stage);
    const nested = (stack: NestedStack) => JSON.parse(readFileSync(path.join(assembly.directory, stack.templateFile), 'utf8')) as Template;
    return {
      data: assembly.getStackByName(names.data).template as Template,
      app: assembly.getStackByName(names.app).template as Template,
      edge: assembly.getStackByName(names.edge).template as Template,
      web: assembly.getStackByName(names.web).template as Template,
      observability: nested(application.observability),
      safeDeploys: nested(application.safeDeploys),
      functionLogs: nested(application.functionLogs),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
