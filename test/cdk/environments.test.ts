import { describe, expect, it } from 'vitest';
import { environments, loadEnvironmentConfig } from '../../infra/config';
import { synthesize } from '../../infra/synth';

const table = (stage: 'dev' | 'prod') => {
  const { data } = synthesize(stage);
  return Object.values(data.Resources).find((r) => r.Type === 'AWS::DynamoDB::GlobalTable')! as {
    Properties: Record<string, any>;
    DeletionPolicy?: string;
    UpdateReplacePolicy?: string;
  };
};

describe('per-environment config', () => {
  it('accepts the three environments and refuses an unknown one by name', () => {
    expect(loadEnvironmentConfig('prod').stage).toBe('prod');
    expect(() => loadEnvironmentConfig('production')).toThrow(/Unknown environment "production"/);
  });

  it('rejects a malformed config with the field at fault', () => {
    const broken = { ...environments.dev, humanTasks: { reviewTimeoutDays: 3, reassessmentTimeoutDays: 30, heartbeatDays: 7, supplementDays: 14 } };
    const original = environments.dev;
    environments.dev = broken;
    try {
      expect(() => loadEnvironmentConfig('dev')).toThrow(/heartbeatDays must be shorter/);
    } finally {
      environments.dev = original;
    }
  });
});

describe('the table', () => {
  it('in prod has point-in-time recovery, deletion protection and is retained', () => {
    const prod = table('prod');
    expect(prod.DeletionPolicy).toBe('Retain');
    expect(prod.UpdateReplacePolicy).toBe('Retain');
    const replica = prod.Properties.Replicas[0];
    expect(replica.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(replica.DeletionProtectionEnabled).toBe(true);
  });

  it('in dev can be thrown away', () => {
    const dev = table('dev');
    expect(dev.DeletionPolicy).toBe('Delete');
    expect(dev.Properties.Replicas[0].DeletionProtectionEnabled).toBe(false);
  });

  it('serves the access patterns with keys and two GSIs (the second only for the work queue by received date), and expires idempotency records by TTL', () => {
    const dev = table('dev');
    expect(dev.Properties.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(dev.Properties.GlobalSecondaryIndexes.map((g: { IndexName: string }) => g.IndexName)).toEqual(['gsi1', 'gsi2']);
    expect(dev.Properties.TimeToLiveSpecification).toEqual({ Enabled: true, AttributeName: 'expiresAt' });
  });
});
