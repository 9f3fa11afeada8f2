import { describe, expect, it } from 'vitest';
import { resolveIntrinsics } from '../../../infra/local/template';

const ctx = { refs: { Table: 'dolbom-dev' }, arns: { Fn: 'arn:aws:lambda:ap-northeast-2:000000000000:function:checkEligibility' }, exports: { 'Data:Table': 'dolbom-dev' } };

describe('resolveIntrinsics', () => {
  it('resolves Ref, pseudo parameters, Fn::GetAtt Arn, Fn::Join and Fn::ImportValue, at any depth', () => {
    const value = {
      a: { Ref: 'Table' },
      b: { 'Fn::Join': ['', ['arn:aws:states:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':stateMachine:x']] },
      c: [{ 'Fn::GetAtt': ['Fn', 'Arn'] }],
      d: { 'Fn::ImportValue': 'Data:Table' },
      e: 'plain',
    };
    expect(resolveIntrinsics(value, ctx)).toEqual({
      a: 'dolbom-dev',
      b: 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:x',
      c: ['arn:aws:lambda:ap-northeast-2:000000000000:function:checkEligibility'],
      d: 'dolbom-dev',
      e: 'plain',
    });
  });

  it('refuses what it cannot resolve, by name', () => {
    expect(() => resolveIntrinsics({ Ref: 'Nope' }, ctx)).toThrow(/Ref Nope/);
    expect(() => resolveIntrinsics({ 'Fn::GetAtt': ['Fn', 'RoleName'] }, ctx)).toThrow(/Fn.RoleName/);
  });
});
