import { describe, expect, it } from 'vitest';
import { environments, stageNames } from '../../infra/config';
import { managedRuleGroups } from '../../infra/edge-stack';
import { IMMUTABLE, REVALIDATE } from '../../infra/local/static-files';
import { synthesize, type Template } from '../../infra/synth';
import { pageSecurityHeadersFor, STRICT_TRANSPORT_SECURITY } from '../../web/security-headers';

const ofType = (template: Template, type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
const one = (template: Template, type: string): Record<string, any> & { id: string } => {
  const found = ofType(template, type);
  expect(found, type).toHaveLength(1);
  return { id: found[0]![0], ...(found[0]![1].Properties as Record<string, any>) };
};
/** CloudFormation's `Ref` or `Fn::GetAtt` of a logical id. */
const refersTo = (value: unknown, id: string) => JSON.stringify(value).includes(`"${id}"`);

describe.each(stageNames)('the %s web stack', (stage) => {
  const { web, edge, data } = synthesize(stage);
  const { domainName } = environments[stage].web;
  const distribution = one(web, 'AWS::CloudFront::Distribution').DistributionConfig;
  const bucket = one(web, 'AWS::S3::Bucket');
  const behaviour = (pattern: string) => (distribution.CacheBehaviors as { PathPattern: string }[]).find((b) => b.PathPattern === pattern) as Record<string, any>;

  it('keeps the pages in a private bucket that CloudFront alone reads, through origin access control', () => {
    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    const oac = one(web, 'AWS::CloudFront::OriginAccessControl');
    expect(oac.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    const s3Origin = (distribution.Origins as Record<string, any>[]).find((o) => refersTo(o.DomainName, bucket.id))!;
    expect(refersTo(s3Origin.OriginAccessControlId, oac.id)).toBe(true);
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(ofType(web, 'AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual([]);
    const policy = one(web, 'AWS::S3::BucketPolicy').PolicyDocument.Statement as Record<string, any>[];
    const read = policy.find((s) => s.Effect === 'Allow' && s.Principal?.Service === 'cloudfront.amazonaws.com')!;
    expect(read.Action).toBe('s3:GetObject');
    expect(JSON.stringify(read.Condition)).toContain('AWS:SourceArn');
    expect(policy.filter((s) => s.Effect === 'Allow' && s.Principal === '*')).toEqual([]);
  });

  it(`answers at ${domainName} over TLS 1.2+ with the edge stack's certificate and web ACL`, () => {
    expect(distribution.Aliases).toEqual([domainName]);
    expect(distribution.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    expect(JSON.stringify(distribution.ViewerCertificate.AcmCertificateArn)).toContain('SiteCertificate');
    expect(JSON.stringify(distribution.WebACLId)).toContain('WebAclArn');
  });

  it('routes /api/* to the HTTP API uncached, with every method, query string and header but Host', () => {
    const api = behaviour('/api/*');
    expect(api.AllowedMethods.sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // Managed-CachingDisabled
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // Managed-AllViewerExceptHostHeader: Authorization and the query string included
    expect(api.ViewerProtocolPolicy).toBe('https-only');
    const origin = (distribution.Origins as Record<string, any>[]).find((o) => o.Id === api.TargetOriginId)!;
    expect(JSON.stringify(origin.DomainName)).toMatch(/HttpApi.*\.execute-api\.ap-northeast-2\./);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  it('caches the hashed chunks as long as their names promise, and revalidates pages, entry scripts and config.json', () => {
    const chunks = behaviour('/chunks/*');
    expect(chunks.CachePolicyId).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6'); // Managed-CachingOptimized: honours a year, gzip + brotli
    expect(chunks.Compress).toBe(true);
    const pagesCache = one(web, 'AWS::CloudFront::CachePolicy');
    expect(refersTo(distribution.DefaultCacheBehavior.CachePolicyId, pagesCache.id)).toBe(true);
    expect(pagesCache.CachePolicyConfig).toMatchObject({ MinTTL: 0, DefaultTTL: 0 });
    expect(pagesCache.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({ EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true });
    expect(distribution.DefaultCacheBehavior).toMatchObject({ Compress: true, ViewerProtocolPolicy: 'redirect-to-https' });
    expect(distribution.DefaultRootObject).toBe('index.html');

    const deployments = ofType(web, 'Custom::CDKBucketDeployment').map(([, r]) => r.Properties as Record<string, any>);
    const chunkDeployment = deployments.find((d) => JSON.stringify(d.Include) === '["chunks/*"]')!;
    expect(chunkDeployment).toMatchObject({ Exclude: ['*'], Prune: false, SystemMetadata: { 'cache-control': IMMUTABLE } });
    const pageDeployment = deployments.find((d) => JSON.stringify(d.Exclude) === '["chunks/*"]')!;
    expect(pageDeployment).toMatchObject({ Prune: true, SystemMetadata: { 'cache-control': REVALIDATE }, DistributionPaths: ['/*'] });
  });

  it('sends the headers the local cloud sends, from web/security-headers.ts, and HSTS', () => {
    const policy = one(web, 'AWS::CloudFront::ResponseHeadersPolicy').ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    for (const b of [distribution.DefaultCacheBehavior, ...distribution.CacheBehaviors]) expect(b.ResponseHeadersPolicyId).toBeDefined();
    const expected = pageSecurityHeadersFor(['DOCUMENTS', 'SIGN-IN'], { https: true });
    const csp = JSON.stringify(policy.ContentSecurityPolicy.ContentSecurityPolicy);
    // The policy as a whole, with the two deploy-time origins in connect-src.
    for (const directive of expected['content-security-policy']!.split('; ').filter((d) => !d.startsWith('connect-src'))) expect(csp).toContain(directive);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' https:\/\/.*RegionalDomainName.*amazoncognito\.com/);
    expect(policy.ContentTypeOptions).toEqual({ Override: true });
    expect(policy.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(policy.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=63072000; includeSubDomains');
    expect(policy.StrictTransportSecurity).toEqual({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: false, Override: true });
  });

  it('writes config.json beside the pages: the hosted sign-in of this stage’s user pool, domain and client', () => {
    const pageDeployment = ofType(web, 'Custom::CDKBucketDeployment').map(([, r]) => r.Properties as Record<string, any>).find((d) => d.Prune === true)!;
    // The built pages and config.json (Source.jsonData), whose deploy-time values are these markers.
    expect(pageDeployment.SourceObjectKeys).toHaveLength(2);
    const values = Object.values(Object.assign({}, ...(pageDeployment.SourceMarkers as Record<string, unknown>[]))).map((v) => JSON.stringify(v));
    expect(values).toHaveLength(3);
    expect(values.some((v) => /StaffUsers[0-9A-F]+ProviderURL/.test(v))).toBe(true); // issuer
    expect(values.some((v) => /RefStaffUsersSignIn/.test(v))).toBe(true); // the Cognito domain
    expect(values.some((v) => /RefStaffUsersConsole/.test(v))).toBe(true); // the app client's id
    const signInDomain = one(data, 'AWS::Cognito::UserPoolDomain');
    expect(signInDomain.Domain).toBe(`dolbom-${stage}-staff`);
    expect(signInDomain.ManagedLoginVersion ?? 1).toBe(1);
  });

  it("puts a web ACL in us-east-1 with a rate rule per address and AWS's managed rule groups", () => {
    const acl = one(edge, 'AWS::WAFv2::WebACL');
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    const rules = acl.Rules as Record<string, any>[];
    const rate = rules.find((r) => r.Statement.RateBasedStatement)!;
    expect(rate.Action).toEqual({ Block: {} });
    expect(rate.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: environments[stage].web.requestsPerFiveMinutesPerAddress });
    const groups = rules.filter((r) => r.Statement.ManagedRuleGroupStatement).map((r) => r.Statement.ManagedRuleGroupStatement);
    expect(groups.map((g) => g.Name)).toEqual([...managedRuleGroups]);
    expect(groups.map((g) => g.Name)).toEqual(expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']));
    expect(new Set(rules.map((r) => r.Priority)).size).toBe(rules.length);
    for (const rule of rules) expect(rule.VisibilityConfig.CloudWatchMetricsEnabled).toBe(true);
    expect(one(edge, 'AWS::CertificateManager::Certificate')).toMatchObject({ DomainName: domainName, ValidationMethod: 'DNS' });
  });
});
