import { App, Tags } from 'aws-cdk-lib';
import { loadEnvironmentConfig } from './config';
import { buildDolbom } from './dolbom';

// `npx cdk synth -c env=prod` — the environment name picks a validated config (infra/config.ts).
const app = new App();
const config = loadEnvironmentConfig(app.node.tryGetContext('env'));
buildDolbom(app, config);
Tags.of(app).add('project', 'dolbom');
Tags.of(app).add('environment', config.stage);
