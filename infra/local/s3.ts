import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import S3rver from 's3rver';

/** The documents bucket of the local cloud (in AWS its name is CDK's; handlers read DOCUMENTS_BUCKET either way). */
export const LOCAL_DOCUMENTS_BUCKET = 'dolbom-dev-documents';

// The browser PUTs straight to the bucket from the pages' origin (another port), as it does to S3.
const cors = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export interface LocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * s3rver, a real S3 API on 127.0.0.1:`port` with its objects under `dataDir`, and the documents
 * bucket with CORS. It knows only its own access key, so the local cloud's ('local') is added: the
 * SDK and the presigned addresses sign with it. (s3rver does not verify v4 signatures nor a signed
 * content-length: the handlers check every upload themselves, as they do in AWS.)
 */
export async function startLocalS3(options: { port: number; dataDir: string; accessKeyId: string; secretAccessKey: string }): Promise<LocalS3> {
  mkdirSync(options.dataDir, { recursive: true });
  const account = createRequire(import.meta.url)('s3rver/lib/models/account.js') as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } };
  account.DUMMY_ACCOUNT.createKeyPair(options.accessKeyId, options.secretAccessKey);
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory: options.dataDir,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: LOCAL_DOCUMENTS_BUCKET, configs: [cors] }],
  });
  try {
    await server.run();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${options.port} is in use; stop the other local S3 or choose another S3_PORT`);
    }
    throw error;
  }
  return { endpoint: `http://127.0.0.1:${options.port}`, stop: () => server.close() };
}
