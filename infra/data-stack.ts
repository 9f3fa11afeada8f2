import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { staffGroups } from '../functions/staff-groups';
import { allowedOrigins, signInCallbackUrls, type EnvironmentConfig } from './config';
import { staffTokenLifetimes } from '../functions/commons/staff-token-lifetimes';

/** Five years and a day for leap years: the retention of service records (DOMAIN.md §3). */
export const DOCUMENT_RETENTION_DAYS = 5 * 365 + 2;

export interface DataStackProps extends StackProps {
  config: EnvironmentConfig;
}

/**
 * What must outlive any deployment: the table, the key that seals personal identifiers, the key
 * access codes are hashed under, and the staff user pool. Kept apart from the application stack so that stack can be replaced freely.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly dataKey: kms.Key;
  readonly accessCodeKey: kms.Key;
  readonly userPool: cognito.UserPool;
  readonly documents: s3.Bucket;
  readonly userPoolClient: cognito.UserPoolClient;
  /** Cognito's hosted sign-in pages for staff (`/oauth2/authorize`, `/oauth2/token`, `/logout`). */
  readonly signInDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.dataKey = new kms.Key(this, 'DataKey', {
      description: `Dolbom ${config.stage}: envelope encryption of resident registration numbers`,
      enableKeyRotation: true,
      removalPolicy,
    });

    // Access codes are stored as HMACs under a key derived from this one (functions/privacy/access-code-key.ts):
    // losing it makes every stored access code unusable, so it is kept like the table.
    this.accessCodeKey = new kms.Key(this, 'AccessCodeKey', {
      description: `Dolbom ${config.stage}: keyed hash (HMAC) of citizen access codes`,
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy,
    });

    // Access patterns (functions/applications/keys.ts): everything of one application under its own
    // partition; district queues and provider offers through GSI1; the work queue's second order (a
    // district's tasks by received date) through GSI2, the only list that needs the same items sorted
    // two ways. No request path scans.
    // The stream starts every stored application (infra/constructs/new-applications-trigger.ts). It
    // carries keys only: its readers need no names, phones or answers, so none are copied into it.
    this.table = new dynamodb.TableV2(this, 'Table', {
      tableName: `dolbom-${config.stage}`,
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      globalSecondaryIndexes: [
        {
          indexName: 'gsi1',
          partitionKey: { name: 'gsi1pk', type: dynamodb.AttributeType.STRING },
          sortKey: { name: 'gsi1sk', type: dynamodb.AttributeType.STRING },
        },
        {
          indexName: 'gsi2',
          partitionKey: { name: 'gsi2pk', type: dynamodb.AttributeType.STRING },
          sortKey: { name: 'gsi2sk', type: dynamodb.AttributeType.STRING },
        },
      ],
      timeToLiveAttribute: 'expiresAt',
      dynamoStream: dynamodb.StreamViewType.KEYS_ONLY,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: config.pointInTimeRecovery },
      deletionProtection: config.deletionProtection,
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      removalPolicy,
    });

    // The applicants' documents (supplements): private, encrypted, TLS only, uploaded by the browser
    // through presigned PUTs from the allowed origins. Kept as long as the case's records: service
    // records are kept five years (DOMAIN.md §3), and the documents that decided a case with them.
    this.documents = new s3.Bucket(this, 'Documents', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: false,
      cors: [
        {
          allowedOrigins: allowedOrigins(config),
          allowedMethods: [s3.HttpMethods.PUT],
          allowedHeaders: ['content-type'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'case-retention', prefix: 'applications/', expiration: Duration.days(DOCUMENT_RETENTION_DAYS) },
        { id: 'abandoned-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy,
      autoDeleteObjects: false,
    });

    this.userPool = new cognito.UserPool(this, 'StaffUsers', {
      userPoolName: `dolbom-${config.stage}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: { minLength: 12, requireSymbols: true, requireDigits: true, requireLowercase: true, requireUppercase: true },
      // The districts a caseworker serves, and the agency a provider's staff member works for: their
      // scope. Administrators set them (AdminUpdateUserAttributes); the console client below may not
      // write them, so no one can widen their own.
      customAttributes: {
        districts: new cognito.StringAttribute({ mutable: true, maxLen: 200 }),
        agency: new cognito.StringAttribute({ mutable: true, maxLen: 40 }),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy,
    });
    for (const group of staffGroups) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.userPool.userPoolId, groupName: group });
    }
    // Without WriteAttributes Cognito lets a signed-in user write every mutable attribute of their
    // own (UpdateUserAttributes), custom:districts and custom:agency included: list the few they may keep up to date.
    const ownDetails = new cognito.ClientAttributes().withStandardAttributes({ fullname: true });
    // The console and the provider portal sign in through the hosted pages (web/src/lib/hosted-sign-in.ts):
    // authorization code with PKCE from the browser, so a public client with no secret to leak, and
    // no password flow of its own (the hosted pages ask for the password and the TOTP code). The ID
    // token is what the pages send to the API: short, and renewed silently with the refresh token the
    // code grant hands out, which lasts a working day (why these lives: functions/commons/staff-token-lifetimes.ts).
    // Sign-out revokes the refresh token (/oauth2/revoke), so it cannot renew anything after.
    const callbacks = signInCallbackUrls(config);
    this.userPoolClient = this.userPool.addClient('Console', {
      generateSecret: false,
      authFlows: { userSrp: false },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [callbacks.staff, callbacks.provider],
        logoutUrls: [callbacks.staff, callbacks.provider],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.minutes(staffTokenLifetimes.idTokenMinutes),
      // The pages never send the access token anywhere; it lives as long as the ID token it comes with.
      accessTokenValidity: Duration.minutes(staffTokenLifetimes.idTokenMinutes),
      refreshTokenValidity: Duration.hours(staffTokenLifetimes.refreshTokenHours),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      writeAttributes: ownDetails,
      readAttributes: ownDetails.withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes('districts', 'agency'),
    });
    this.signInDomain = this.userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: config.web.signInDomainPrefix } });
  }
}
