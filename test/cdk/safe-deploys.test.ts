import { describe, expect, it } from 'vitest';
import { handlers } from '../../functions/catalog';
import { routes } from '../../functions/routes';
import { environments, stageNames } from '../../infra/config';
import { synthesize, type Template } from '../../infra/synth';

const ofType = (template: Template, type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
const handlerCount = Object.keys(handlers).length;
/** CodeDeploy's names of the configurations an environment may choose. */
const codeDeployNames = {
  ALL_AT_ONCE: 'CodeDeployDefault.LambdaAllAtOnce',
  CANARY_10PERCENT_5MINUTES: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
  CANARY_10PERCENT_10MINUTES: 'CodeDeployDefault.LambdaCanary10Percent10Minutes',
  LINEAR_10PERCENT_EVERY_1MINUTE: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
} as const;

describe.each(stageNames)('safe deploys in %s', (stage) => {
  const { app, safeDeploys: deploys } = synthesize(stage);
  const config = environments[stage];
  const functions = Object.fromEntries(ofType(app, 'AWS::Lambda::Function').map(([id, r]) => [id, r.Properties!.Environment.Variables.DOLBOM_HANDLER as string]));
  const aliases = ofType(app, 'AWS::Lambda::Alias');
  const aliasOf = (handler: string) => aliases.find(([, a]) => functions[a.Properties!.FunctionName.Ref] === handler)!;

  it('gives every function a published version and the alias live on it', () => {
    expect(aliases).toHaveLength(handlerCount);
    for (const [, alias] of aliases) {
      expect(alias.Properties!.Name).toBe('live');
      const [versionId] = alias.Properties!.FunctionVersion['Fn::GetAtt'];
      expect(app.Resources[versionId]!.Type).toBe('AWS::Lambda::Version');
    }
  });

  it(`shifts each alias through its own CodeDeploy group (${config.deploys.functions}), rolled back by an alarm on the alias's errors`, () => {
    const groups = ofType(deploys, 'AWS::CodeDeploy::DeploymentGroup');
    expect(groups).toHaveLength(handlerCount);
    for (const [, group] of groups) {
      expect(group.Properties!.DeploymentConfigName).toBe(codeDeployNames[config.deploys.functions]);
      expect(group.Properties!.AutoRollbackConfiguration).toEqual({ Enabled: true, Events: expect.arrayContaining(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']) });
      const [alarm] = group.Properties!.AlarmConfiguration.Alarms as { Name: { Ref: string } }[];
      const metric = deploys.Resources[alarm!.Name.Ref]!.Properties!;
      expect(metric.MetricName).toBe('Errors');
      expect(metric.Dimensions.map((d: { Name: string }) => d.Name).sort()).toEqual(['FunctionName', 'Resource']);
    }
    // The alias names its group through the nested stack's outputs (CloudFormation's CodeDeploy update policy).
    const [, alias] = aliasOf('checkEligibility');
    expect(JSON.stringify((alias as { UpdatePolicy?: unknown }).UpdatePolicy)).toMatch(/CodeDeployLambdaAliasUpdate.*Outputs\.DeploymentGroupcheckEligibility/);
  });

  it('has the state machines invoke the aliases, never $LATEST or an unqualified function', () => {
    for (const [, machine] of ofType(app, 'AWS::StepFunctions::StateMachine')) {
      const definition = JSON.stringify(machine.Properties!.DefinitionString);
      const invoked = [...definition.matchAll(/\{\\"Ref\\":\\"(\w+)\\"\}|"Ref":"(\w+)"/g)].map((m) => m[1] ?? m[2]).filter((id) => app.Resources[id!]?.Type.startsWith('AWS::Lambda::'));
      expect(invoked.length).toBeGreaterThan(0);
      for (const id of invoked) expect(app.Resources[id!]!.Type).toBe('AWS::Lambda::Alias');
      expect(definition).not.toMatch(/FunctionName.*Fn::GetAtt.*Fn[a-zA-Z]+[0-9A-F]{8}\\",\\"Arn/);
    }
  });

  it('publishes a state machine version per definition, kept for the executions running on it, and the alias live new executions start on', () => {
    const versions = ofType(app, 'AWS::StepFunctions::StateMachineVersion');
    expect(versions).toHaveLength(2);
    for (const [, version] of versions) {
      expect(version.Properties!.StateMachineRevisionId).toBeDefined();
      expect((version as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
      expect((version as { UpdateReplacePolicy?: string }).UpdateReplacePolicy).toBe('Retain');
    }
    for (const [, alias] of ofType(app, 'AWS::StepFunctions::StateMachineAlias')) {
      const preference = alias.Properties!.DeploymentPreference;
      expect(alias.Properties!.Name).toBe('live');
      expect(preference.Type).toBe(config.deploys.stateMachines.type);
      if (preference.Type !== 'ALL_AT_ONCE') {
        expect(preference.Percentage).toBe(config.deploys.stateMachines.percentage);
        expect(preference.Alarms).toHaveLength(1);
      }
    }
  });

  it('has the handlers start executions through the state machine aliases, and may start nothing else', () => {
    for (const [, fn] of ofType(app, 'AWS::Lambda::Function')) {
      const arn = JSON.stringify(fn.Properties!.Environment.Variables.LIFECYCLE_STATE_MACHINE_ARN);
      expect(arn).toMatch(new RegExp(`stateMachine:dolbom-${stage}-lifecycle:live`));
    }
    const starts = Object.values(app.Resources)
      .flatMap((r) => (r.Type === 'AWS::IAM::Role' ? (r.Properties?.Policies ?? []) : []) as { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } }[])
      .flatMap((p) => p.PolicyDocument.Statement)
      .filter((s) => [s.Action].flat().includes('states:StartExecution'));
    expect(starts.length).toBeGreaterThan(0);
    for (const s of starts) expect(JSON.stringify(s.Resource)).toMatch(/:live"/);
  });

  it('routes every API request to the alias of its handler, invoked with the API role', () => {
    const integrations = ofType(app, 'AWS::ApiGatewayV2::Integration');
    expect(integrations).toHaveLength(routes.length);
    for (const [, integration] of integrations) {
      expect(app.Resources[integration.Properties!.IntegrationUri.Ref]!.Type).toBe('AWS::Lambda::Alias');
      expect(integration.Properties!.CredentialsArn).toBeDefined();
    }
  });

  it('keeps the application stack under 500 resources, and the deploy groups in their own stack', () => {
    expect(Object.keys(app.Resources).length).toBeLessThan(500);
    expect(Object.keys(deploys.Resources).length).toBeLessThan(500);
  });
});
