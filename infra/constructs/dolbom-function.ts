import path from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { DEFAULT_TIMEOUT_SECONDS, type HandlerId, type HandlerSpec } from '../../functions/catalog';
import { projectRoot } from '../paths';
import { handlerBuildOptions, handlerNodeOptions } from './handler-build';

export interface DolbomFunctionProps {
  handlerId: HandlerId;
  spec: HandlerSpec;
  memorySize: number;
  logRetention: RetentionDays;
  retainLogs: boolean;
  environment: Record<string, string>;
}

/**
 * A Dolbom Lambda with the house defaults fixed in one place: Node.js 22 on arm64, bundled at synth
 * time by the project's own esbuild (never Docker) as handler-build.ts says, X-Ray, and a log group
 * with the environment's retention. The code is built here rather than by NodejsFunction, whose
 * bundling writes one file and so cannot keep the SDK's lazily loaded parts out of `index.mjs`.
 * `DOLBOM_HANDLER` names the catalog entry, so the local cloud can map a template function to code.
 */
export class DolbomFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: DolbomFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const entry = path.join(projectRoot, props.spec.entry);
    super(scope, id, {
      code: Code.fromAsset(projectRoot, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never used: local bundling either builds or fails loudly.
          image: DockerImage.fromRegistry('local-bundling-only'),
          // Names the entry where CDK's cache of bundles sees it (it cannot look inside tryBundle),
          // so two functions never share one bundle.
          command: ['bundle', props.spec.entry],
          local: {
            tryBundle(outputDir) {
              buildSync(handlerBuildOptions(entry, outputDir));
              return true;
            },
          },
        },
      }),
      handler: 'index.handler',
      description: props.spec.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: Duration.seconds(props.spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        ...props.environment,
        DOLBOM_HANDLER: props.handlerId,
        NODE_OPTIONS: handlerNodeOptions,
      },
    });
  }
}
