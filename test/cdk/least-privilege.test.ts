import { describe, expect, it } from 'vitest';
import { synthesize } from '../../infra/synth';

const { app } = synthesize('prod');
const resources = app.Resources;

/** Every IAM action granted to the role of each catalog function. */
function actionsByHandler(): Record<string, string[]> {
  const byRole: Record<string, string[]> = {};
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    const actions = (r.Properties!.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) => [s.Action].flat());
    for (const role of r.Properties!.Roles as { Ref: string }[]) (byRole[role.Ref] ??= []).push(...actions);
  }
  const result: Record<string, string[]> = {};
  for (const r of Object.values(resources)) {
    const handler = r.Properties?.Environment?.Variables?.DOLBOM_HANDLER;
    if (r.Type === 'AWS::Lambda::Function' && handler) {
      result[handler] = byRole[(r.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]] ?? [];
    }
  }
  return result;
}

const granted = actionsByHandler();
const holders = (pattern: RegExp) => Object.keys(granted).filter((h) => granted[h]!.some((a) => pattern.test(a))).sort();

describe('least privilege', () => {
  it('lets only submission and extension start lifecycle executions', () => {
    expect(holders(/^states:StartExecution$/)).toEqual(['startNextPeriod', 'submitApplication']);
  });

  it('lets only the decision endpoint answer task tokens, and the claim endpoint only heartbeat them', () => {
    expect(holders(/^states:SendTask(Success|Failure)$/)).toEqual(['decideTask']);
    expect(holders(/^states:SendTaskHeartbeat$/)).toEqual(['claimTask', 'decideTask']);
  });

  it('lets only submission use the data key', () => {
    expect(holders(/^kms:(Decrypt|GenerateDataKey|Encrypt|ReEncrypt)/)).toEqual(['submitApplication']);
  });

  it('lets only the handlers that hash or check access codes use the access-code key, and only for GenerateMac', () => {
    expect(holders(/^kms:GenerateMac$/)).toEqual(['getApplicationStatus', 'lookupApplication', 'submitApplication']);
    for (const handler of ['getApplicationStatus', 'lookupApplication']) {
      expect(granted[handler]!.filter((a) => a.startsWith('kms:')), handler).toEqual(['kms:GenerateMac']);
    }
  });

  it('gives the pre-check and the API document no data access at all', () => {
    expect(granted.prescreenEligibility!.filter((a) => /^(dynamodb|states|kms):/.test(a))).toEqual([]);
    expect(granted.openApiDocument!.filter((a) => /^(dynamodb|states|kms):/.test(a))).toEqual([]);
  });

  it('keeps read-only handlers read-only', () => {
    for (const handler of ['listTasks']) {
      expect(granted[handler]!.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)), handler).toEqual([]);
      expect(granted[handler]!.some((a) => /^dynamodb:(Query|GetItem)$/.test(a)), handler).toBe(true);
    }
  });
});
