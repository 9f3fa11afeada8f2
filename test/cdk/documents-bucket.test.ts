import { describe, expect, it } from 'vitest';
import { synthesize } from '../../infra/synth';
import { DOCUMENT_RETENTION_DAYS } from '../../infra/data-stack';

const buckets = Object.values(synthesize('prod').data.Resources).filter((r) => r.Type === 'AWS::S3::Bucket');

describe('the documents bucket', () => {
  const bucket = buckets[0]!.Properties as Record<string, any>;

  it('is the one bucket, encrypted, with every kind of public access blocked', () => {
    expect(buckets).toHaveLength(1);
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
  });

  it("keeps applications' documents as long as the case's records, and lets browsers PUT only from the allowed origins", () => {
    const rules = bucket.LifecycleConfiguration.Rules as { Id: string; Prefix?: string; ExpirationInDays?: number }[];
    expect(rules.find((r) => r.Id === 'case-retention')).toMatchObject({ Prefix: 'applications/', ExpirationInDays: DOCUMENT_RETENTION_DAYS });
    expect(DOCUMENT_RETENTION_DAYS).toBeGreaterThanOrEqual(5 * 365);
    expect(bucket.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['PUT'], AllowedOrigins: ['https://dolbom.seoul.example'], AllowedHeaders: ['content-type'] }),
    ]);
  });
});
