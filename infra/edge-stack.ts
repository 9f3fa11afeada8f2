import { Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from './config';

export interface EdgeStackProps extends StackProps {
  config: EnvironmentConfig;
}

/** AWS managed rule groups in front of the pages and the API, in order of evaluation (after the rate rule). */
export const managedRuleGroups = [
  // Addresses Amazon's threat intelligence knows for bots and attacks: turned away before anything else looks.
  'AWSManagedRulesAmazonIpReputationList',
  // OWASP-style protections (XSS, path traversal, …).
  'AWSManagedRulesCommonRuleSet',
  // Request patterns known to exploit software (Log4j, …).
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

/**
 * What CloudFront needs from us-east-1, whatever region the rest runs in: the web ACL (scope
 * CLOUDFRONT exists only there) and the certificate of the pages' domain. The web stack reads both
 * through CDK's cross-region references (an SSM parameter written here, read there at deploy time).
 */
export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;
  readonly certificate: acm.Certificate;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { config } = props;
    const metric = (name: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: `dolbom-${config.stage}-${name}` });

    // DNS validation: the first deploy waits until the CNAME record ACM asks for exists in the zone of
    // the domain (docs/operations.md, first deploy); renewals then happen by themselves.
    this.certificate = new acm.Certificate(this, 'SiteCertificate', {
      domainName: config.web.domainName,
      validation: acm.CertificateValidation.fromDns(),
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `dolbom-${config.stage}-web`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: metric('web'),
      rules: [
        {
          // Flooding from one address (scripted submissions, access-code guessing at scale) is cut off
          // for the address alone. Per-application guessing limits stay in the handlers.
          name: 'rate-per-address',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: config.web.requestsPerFiveMinutesPerAddress, evaluationWindowSec: 300, aggregateKeyType: 'IP' } },
          visibilityConfig: metric('rate-per-address'),
        },
        ...managedRuleGroups.map((name, index) => ({
          name,
          priority: index + 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name,
              // A long application form (household members, answers in full) passes the common set's
              // 8 KB body limit: counted, not blocked; the API bounds and validates every body itself.
              ...(name === 'AWSManagedRulesCommonRuleSet' ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] } : {}),
            },
          },
          visibilityConfig: metric(name),
        })),
      ],
    });
  }
}
