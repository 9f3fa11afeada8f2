import { formatUrl } from '@aws-sdk/core/util';
import { HttpRequest } from '@smithy/core/protocols';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { dynamo } from './clients';

/**
 * Presigned S3 addresses without the S3 client. `getSignedUrl` of @aws-sdk/s3-request-presigner
 * needs an S3Client, which brings some 150 KB to a cold start (its commands' schemas, checksums,
 * S3's middleware) to sign one URL; what it does underneath is this: S3's address of the object, then
 * SigV4 query signing (@smithy/signature-v4, already loaded with the DynamoDB client) of the request,
 * the payload unsigned, the headers given signed. test/unit/commons/s3-presign.test.ts holds the two
 * to the same address, signature included.
 *
 * Signed with the credentials and region the SDK clients resolve (the default chain: the function's
 * role in Lambda, AWS_ACCESS_KEY_ID in the local cloud), taken from the DynamoDB client so that both
 * resolve once. Addressed as S3Client would: virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com`,
 * path-style for a bucket name with dots, and path-style at AWS_ENDPOINT_URL_S3 when set (the local
 * cloud's s3rver, see clients.ts `s3()`).
 */
export interface PresignedRequest {
  method: 'GET' | 'PUT';
  bucket: string;
  key: string;
  /** Seconds the address stays valid. */
  expiresIn: number;
  /** Headers the request must carry as given: signed, so S3 refuses a request with others. */
  signedHeaders?: Record<string, string>;
  /** Query parameters S3 acts on (`response-content-disposition`), signed with the rest. */
  query?: Record<string, string>;
  /** The signing time; now unless given (tests). */
  signingDate?: Date;
}

// S3's escaping of each segment of a key: encodeURIComponent, and !'()* too (RFC 3986).
const escapeSegment = (segment: string) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export async function presignS3(request: PresignedRequest): Promise<string> {
  const { credentials, region: regionOf } = dynamo().config;
  const region = await regionOf();
  const endpoint = process.env.AWS_ENDPOINT_URL_S3;
  const objectPath = request.key.split('/').map(escapeSegment).join('/');
  const pathStyle = Boolean(endpoint) || request.bucket.includes('.');
  const base = new URL(endpoint ?? (pathStyle ? `https://s3.${region}.amazonaws.com` : `https://${request.bucket}.s3.${region}.amazonaws.com`));
  const headers = Object.fromEntries(Object.entries(request.signedHeaders ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const host = base.host;
  const unsigned = new HttpRequest({
    method: request.method,
    protocol: base.protocol,
    hostname: base.hostname,
    ...(base.port ? { port: Number(base.port) } : {}),
    path: `${base.pathname.replace(/\/$/, '')}${pathStyle ? `/${request.bucket}` : ''}/${objectPath}`,
    query: { ...request.query, 'x-id': request.method === 'PUT' ? 'PutObject' : 'GetObject' },
    // The payload is the browser's, unknown here: S3's UNSIGNED-PAYLOAD, as the S3 presigner sends.
    headers: { ...headers, host, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
  });
  const signer = new SignatureV4({ service: 's3', region, credentials, sha256: Hash.bind(null, 'sha256'), uriEscapePath: false, applyChecksum: false });
  const signed = await signer.presign(unsigned, {
    expiresIn: request.expiresIn,
    signableHeaders: new Set(Object.keys(headers)),
    ...(request.signingDate ? { signingDate: request.signingDate } : {}),
  });
  return formatUrl(signed);
}
