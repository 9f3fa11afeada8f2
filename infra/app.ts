import { App, Tags } from 'aws-cdk-lib';
import { loadEnvironmentConfig } from './config';
import { buildDolbom } from './dolbom';
import { applyNagPacks } from './nag';

// `npx cdk synth -c env=prod` — the environment name picks a validated config (infra/config.ts).
const app = new App();
const config = loadEnvironmentConfig(app.node.tryGetContext('env'));
buildDolbom(app, config);
// cdk-nag's AWS Solutions and Serverless packs: synthesis fails on a finding not acknowledged (infra/nag-acknowledgements.ts).
applyNagPacks(app);
Tags.of(app).add('project', 'dolbom');
Tags.of(app).add('environment', config.stage);
