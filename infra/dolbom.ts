import type { App } from 'aws-cdk-lib';
import { AppStack } from './app-stack';
import type { EnvironmentConfig } from './config';
import { DataStack } from './data-stack';
import { acknowledgeNagFindings } from './nag-acknowledgements';
import { EdgeStack } from './edge-stack';
import { WebStack } from './web-stack';

export const stackNames = (stage: string) => ({
  data: `Dolbom-${stage}-Data`,
  app: `Dolbom-${stage}-App`,
  edge: `Dolbom-${stage}-Edge`,
  web: `Dolbom-${stage}-Web`,
});

/** CloudFront's WAF web ACLs and certificates live in this region only. */
export const EDGE_REGION = 'us-east-1';

/** The stacks of one environment: data, application, and the pages (web, with its us-east-1 part, edge). */
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
  const edge = new EdgeStack(app, names.edge, { env: { account: config.account, region: EDGE_REGION }, config, crossRegionReferences: true });
  const web = new WebStack(app, names.web, {
    env,
    crossRegionReferences: true,
    config,
    api: application.api,
    userPool: data.userPool,
    userPoolClient: data.userPoolClient,
    signInDomain: data.signInDomain,
    documents: data.documents,
    webAclArn: edge.webAcl.attrArn,
    certificate: edge.certificate,
  });
  acknowledgeNagFindings({ data, application, web }, config);
  return { data, application, edge, web };
}
