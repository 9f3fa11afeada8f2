import type { App } from 'aws-cdk-lib';
import { AppStack } from './app-stack';
import type { EnvironmentConfig } from './config';
import { DataStack } from './data-stack';
import { acknowledgeNagFindings } from './nag-acknowledgements';

export const stackNames = (stage: string) => ({ data: `Dolbom-${stage}-Data`, app: `Dolbom-${stage}-App` });

/** Both stacks of one environment. */
export function buildDolbom(app: App, config: EnvironmentConfig) {
  const names = stackNames(config.stage);
  const env = { account: config.account, region: config.region };
  const data = new DataStack(app, names.data, { env, config, terminationProtection: config.retainData });
  const application = new AppStack(app, names.app, {
    env,
    config,
    table: data.table,
    dataKey: data.dataKey,
    accessCodeKey: data.accessCodeKey,
    documents: data.documents,
    userPool: data.userPool,
    userPoolClient: data.userPoolClient,
  });
  acknowledgeNagFindings({ data, application }, config);
  return { data, application };
}
