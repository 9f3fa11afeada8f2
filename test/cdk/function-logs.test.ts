import { describe, expect, it } from 'vitest';
import { handlers } from '../../functions/catalog';
import { environments, stageNames } from '../../infra/config';
import { synthesize, type Template } from '../../infra/synth';

const ofType = (template: Template, type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

describe.each(stageNames)("the functions' logs in %s", (stage) => {
  const { app, functionLogs } = synthesize(stage);
  const config = environments[stage];
  const handlerFunctions = ofType(app, 'AWS::Lambda::Function').filter(([, f]) => f.Properties!.Environment?.Variables?.DOLBOM_HANDLER);
  const [nestedId] = ofType(app, 'AWS::CloudFormation::Stack').find(([id]) => id.startsWith('FunctionLogs'))!;
  /** `{"Fn::GetAtt": [<nested stack>, "Outputs.<output>"]}` → the log group's logical id in the nested stack. */
  const groupOf = (reference: { 'Fn::GetAtt': [string, string] }) => {
    const [stack, attribute] = reference['Fn::GetAtt'];
    expect(stack).toBe(nestedId);
    const output = functionLogs.Outputs![attribute.replace(/^Outputs\./, '')]!.Value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
    return output.Ref ?? output['Fn::GetAtt']![0];
  };

  it("gives each function its own log group, kept for the environment's retention", () => {
    expect(handlerFunctions).toHaveLength(Object.keys(handlers).length);
    const groups = handlerFunctions.map(([, f]) => groupOf(f.Properties!.LoggingConfig.LogGroup));
    expect(new Set(groups).size).toBe(groups.length);
    for (const group of groups) {
      const resource = functionLogs.Resources[group]!;
      expect(resource.Type).toBe('AWS::Logs::LogGroup');
      expect(resource.Properties!.RetentionInDays).toBe(config.logRetentionDays);
      expect((resource as { DeletionPolicy?: string }).DeletionPolicy).toBe(config.retainData ? 'Retain' : 'Delete');
    }
  });

  it('lets each function write to its own log group only', () => {
    const roles = app.Resources;
    for (const [, f] of handlerFunctions) {
      const group = groupOf(f.Properties!.LoggingConfig.LogGroup);
      const role = roles[f.Properties!.Role['Fn::GetAtt'][0]]!;
      const statements = (role.Properties!.Policies as { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } }[]).flatMap((p) => p.PolicyDocument.Statement);
      const logWrites = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('logs:')));
      expect(logWrites).toHaveLength(1);
      expect(groupOf(logWrites[0]!.Resource as { 'Fn::GetAtt': [string, string] })).toBe(group);
    }
  });
});
