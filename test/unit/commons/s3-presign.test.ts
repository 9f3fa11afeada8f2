import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * presignS3 (functions/commons/s3-presign.ts) signs without the S3 client: held here to the address
 * the S3 client and its presigner give for the same request, credentials and time, signature included,
 * so what S3 accepts of one it accepts of the other.
 */
const signingDate = new Date('2025-03-01T09:30:00Z');
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session/token+of=the role' };
const key = 'applications/APP-01HZ/supplements/1/doc-2';

/** The address the S3 client would give, configured as clients.ts `s3()` configures it. */
function sdkClient(): S3Client {
  return new S3Client({
    region: 'ap-northeast-2',
    credentials,
    forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The same address, its query in a canonical order (the order carries no meaning to S3). */
function canonical(address: string): string {
  const url = new URL(address);
  url.searchParams.sort();
  return url.href;
}

describe.each([
  ['in AWS (virtual-hosted)', undefined],
  ['in the local cloud (path-style at AWS_ENDPOINT_URL_S3)', 'http://127.0.0.1:4569'],
])('presignS3 %s', (_where, endpoint) => {
  let presignS3: typeof import('../../../functions/commons/s3-presign').presignS3;

  beforeEach(async () => {
    vi.stubEnv('AWS_REGION', 'ap-northeast-2');
    vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
    vi.stubEnv('AWS_SESSION_TOKEN', credentials.sessionToken);
    if (endpoint) vi.stubEnv('AWS_ENDPOINT_URL_S3', endpoint);
    vi.resetModules();
    ({ presignS3 } = await import('../../../functions/commons/s3-presign'));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('signs an upload as the S3 presigner does: the type and size signed, the payload not, the same expiry', async () => {
    const bucket = 'dolbom-prod-documents-1a2b3c';
    const expected = await getSignedUrl(sdkClient(), new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: 'application/pdf', ContentLength: 48213 }), {
      expiresIn: 900,
      signableHeaders: new Set(['content-type', 'content-length']),
      signingDate,
    });
    const address = await presignS3({ method: 'PUT', bucket, key, expiresIn: 900, signedHeaders: { 'content-type': 'application/pdf', 'content-length': '48213' }, signingDate });
    expect(canonical(address)).toBe(canonical(expected));
    expect(new URL(address).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(new URL(address).searchParams.get('X-Amz-Expires')).toBe('900');
  });

  it('signs a download with its response headers as the S3 presigner does', async () => {
    const bucket = 'dolbom-prod-documents-1a2b3c';
    const disposition = 'attachment; filename="supplement-1-doc-2.pdf"';
    const expected = await getSignedUrl(sdkClient(), new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: disposition }), { expiresIn: 300, signingDate });
    const address = await presignS3({ method: 'GET', bucket, key, expiresIn: 300, query: { 'response-content-disposition': disposition }, signingDate });
    expect(canonical(address)).toBe(canonical(expected));
  });

  it("escapes a key's characters and addresses a bucket with dots as the S3 client does", async () => {
    const bucket = endpoint ? 'dolbom-dev-documents' : 'documents.dolbom.example';
    const odd = "applications/APP 1/it's (1)*+=&ü.pdf";
    const expected = await getSignedUrl(sdkClient(), new GetObjectCommand({ Bucket: bucket, Key: odd }), { expiresIn: 60, signingDate });
    expect(canonical(await presignS3({ method: 'GET', bucket, key: odd, expiresIn: 60, signingDate }))).toBe(canonical(expected));
  });
});
