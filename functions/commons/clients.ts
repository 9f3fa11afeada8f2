import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { traced } from './tracing';
import { faults } from './fault-injection';

/**
 * Module-scope clients, created once per Lambda container and reused across invocations. Endpoints
 * come from the standard SDK variables (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SFN), so the
 * same code talks to AWS or to the local cloud without knowing which. Each is `traced` (tracing.ts): in
 * a sampled Lambda invocation, every call is a subsegment of the function's X-Ray trace.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let sfnClient: SFNClient | undefined;
let kmsClient: KMSClient | undefined;
let s3Client: S3Client | undefined;

export function dynamo(): DynamoDBDocumentClient {
  if (!documentClient) {
    documentClient = DynamoDBDocumentClient.from(traced(new DynamoDBClient({})), {
      marshallOptions: { removeUndefinedValues: true },
    });
    // Drills only (DOLBOM_FAULTS, functions/commons/faults.ts): throttles, conflicts and lost answers on real calls.
    faults?.installOn(documentClient);
  }
  return documentClient;
}

export function sfn(): SFNClient {
  sfnClient ??= traced(new SFNClient({}));
  return sfnClient;
}

export function kms(): KMSClient {
  kmsClient ??= traced(new KMSClient({}));
  return kmsClient;
}

/**
 * S3 (AWS_ENDPOINT_URL_S3 in the local cloud, where s3rver answers on a port of 127.0.0.1 and so only
 * path-style addresses reach it). Checksums only where S3 requires them: a presigned PUT that carried
 * the SDK's default checksum would be the checksum of no body, and every browser upload would fail.
 */
export function s3(): S3Client {
  s3Client ??= traced(
    new S3Client({
      forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
  );
  return s3Client;
}
