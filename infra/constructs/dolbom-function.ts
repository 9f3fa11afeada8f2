import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEFAULT_TIMEOUT_SECONDS, type HandlerId, type HandlerSpec } from '../../functions/catalog';
import { projectRoot } from '../paths';

export interface DolbomFunctionProps {
  handlerId: HandlerId;
  spec: HandlerSpec;
  memorySize: number;
  logRetention: RetentionDays;
  retainLogs: boolean;
  environment: Record<string, string>;
}

/**
 * A Dolbom Lambda with the house defaults fixed in one place: Node.js 22 on arm64, ESM bundle built
 * by the project's own esbuild (never Docker) with the AWS SDK inside (faster cold starts than the
 * runtime's copy), source maps, X-Ray, and a log group with the environment's retention.
 * `DOLBOM_HANDLER` names the catalog entry, so the local cloud can map a template function to code.
 */
export class DolbomFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: DolbomFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry: path.join(projectRoot, props.spec.entry),
      handler: 'handler',
      description: props.spec.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: Duration.seconds(props.spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      tracing: Tracing.ACTIVE,
      logGroup,
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      environment: {
        ...props.environment,
        DOLBOM_HANDLER: props.handlerId,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        externalModules: [],
        // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
        banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
        forceDockerBundling: false,
      },
    });
  }
}
