import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/**
 * The cdk-nag gate: the AWS Solutions and Serverless packs check every stack of the app at synthesis.
 * A finding is fixed in the stack, or acknowledged with a reason in infra/nag-acknowledgements.ts;
 * test/cdk/nag-gate.test.ts fails on any other.
 */
export function applyNagPacks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}
