import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { SITE_CONFIG_FILE, type SiteConfig } from '../web/src/lib/site-config';
import { pageSecurityHeadersFor } from '../web/security-headers';
import { signInCallbackUrls, siteOrigin, type EnvironmentConfig } from './config';
import { IMMUTABLE, REVALIDATE } from './local/static-files';
import { builtPages } from './web-assets';

export interface WebStackProps extends StackProps {
  config: EnvironmentConfig;
  api: apigw.IHttpApi;
  userPool: cognito.UserPool;
  userPoolClient: cognito.IUserPoolClient;
  signInDomain: cognito.UserPoolDomain;
  /** The status page uploads supplements straight to it (presigned PUTs): the pages may connect to it. */
  documents: s3.IBucket;
  /** From the edge stack in us-east-1 (cross-region references). */
  webAclArn: string;
  certificate: acm.ICertificate;
}

/**
 * The pages in AWS: a private bucket read by CloudFront alone (origin access control), the API under
 * `/api/*` of the same origin, the pages' security headers (web/security-headers.ts, as the local
 * cloud sends them, plus HSTS), caching as web/README.md says, the WAF of the edge stack, and the
 * config.json that tells the pages how staff sign in here.
 */
export class WebStack extends Stack {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;

    // Only built pages: rebuilt from source at every deploy, so nothing here needs keeping.
    const site = new s3.Bucket(this, 'Pages', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const pagesOrigin = origins.S3BucketOrigin.withOriginAccessControl(site);
    const apiOrigin = new origins.HttpOrigin(`${props.api.apiId}.execute-api.${config.region}.${this.urlSuffix}`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `dolbom-${config.stage}-pages`,
      comment: 'web/security-headers.ts',
      ...responseHeadersFrom(
        pageSecurityHeadersFor([`https://${props.documents.bucketRegionalDomainName}`, props.signInDomain.baseUrl()], { https: true }),
      ),
    });

    // Pages, entry scripts and config.json keep their names across deploys: `no-cache` from the
    // bucket, so CloudFront and browsers revalidate every time (a 304 when unchanged). The TTLs only
    // bound what an object without Cache-Control would get; compression needs a non-zero maximum.
    const pagesCache = new cloudfront.CachePolicy(this, 'PagesCache', {
      cachePolicyName: `dolbom-${config.stage}-pages`,
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const secure = { viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS, responseHeadersPolicy: headers, compress: true };
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Dolbom ${config.stage}: pages and /api`,
      domainNames: [config.web.domainName],
      certificate: props.certificate,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Edges in Asia (Seoul included), North America and Europe.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      defaultBehavior: { origin: pagesOrigin, cachePolicy: pagesCache, ...secure },
      additionalBehaviors: {
        // Content-hashed names (web/build.ts): the bucket marks them immutable for a year.
        '/chunks/*': { origin: pagesOrigin, cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED, ...secure },
        // Never cached; every method, the query string and every header but Host (API Gateway needs its
        // own) reach the API, the bearer token included.
        '/api/*': {
          origin: apiOrigin,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          ...secure,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        },
      },
    });

    const pages = builtPages();
    // Chunks first and never pruned: a browser still holding the previous page can load what it names.
    const chunks = new s3deploy.BucketDeployment(this, 'DeployChunks', {
      sources: [pages],
      destinationBucket: site,
      exclude: ['*'],
      include: ['chunks/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString(IMMUTABLE)],
    });
    const siteConfig: SiteConfig = {
      signIn: {
        kind: 'cognito',
        issuer: props.userPool.userPoolProviderUrl,
        domain: props.signInDomain.baseUrl(),
        clientId: props.userPoolClient.userPoolClientId,
        redirectUris: signInCallbackUrls(config),
      },
    };
    const rest = new s3deploy.BucketDeployment(this, 'DeployPages', {
      sources: [pages, s3deploy.Source.jsonData(SITE_CONFIG_FILE, siteConfig)],
      destinationBucket: site,
      exclude: ['chunks/*'],
      prune: true,
      cacheControl: [s3deploy.CacheControl.fromString(REVALIDATE)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    rest.node.addDependency(chunks);

    new CfnOutput(this, 'SiteUrl', { value: siteOrigin(config) });
    new CfnOutput(this, 'DistributionDomainName', { value: this.distribution.distributionDomainName, description: `DNS: ${config.web.domainName} CNAME (or alias) to this` });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
  }
}

/**
 * CloudFront's response headers policy for the headers the local cloud sends (web/security-headers.ts):
 * one definition of them. A header CloudFront's security settings cannot carry stops synthesis,
 * so a header added there cannot silently go missing here.
 */
export function responseHeadersFrom(headers: Readonly<Record<string, string>>): Pick<cloudfront.ResponseHeadersPolicyProps, 'securityHeadersBehavior'> {
  const behavior: cloudfront.ResponseSecurityHeadersBehavior = {};
  const mutable = behavior as { -readonly [K in keyof cloudfront.ResponseSecurityHeadersBehavior]: cloudfront.ResponseSecurityHeadersBehavior[K] };
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'content-security-policy') mutable.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
    else if (name === 'x-content-type-options' && value === 'nosniff') mutable.contentTypeOptions = { override: true };
    else if (name === 'x-frame-options' && (value === 'DENY' || value === 'SAMEORIGIN')) mutable.frameOptions = { frameOption: value as cloudfront.HeadersFrameOption, override: true };
    else if (name === 'referrer-policy' && (Object.values(cloudfront.HeadersReferrerPolicy) as string[]).includes(value)) {
      mutable.referrerPolicy = { referrerPolicy: value as cloudfront.HeadersReferrerPolicy, override: true };
    } else if (name === 'strict-transport-security' && /^max-age=\d+(; includeSubDomains)?(; preload)?$/.test(value)) {
      mutable.strictTransportSecurity = {
        accessControlMaxAge: Duration.seconds(Number(/max-age=(\d+)/.exec(value)![1])),
        includeSubdomains: value.includes('includeSubDomains'),
        preload: value.includes('preload'),
        override: true,
      };
    } else throw new Error(`No CloudFront security header setting for ${name}: ${value}`);
  }
  return { securityHeadersBehavior: behavior };
}
