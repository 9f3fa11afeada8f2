import { createHmac } from 'node:crypto';
import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { kms } from '../commons/clients';
import { env } from '../commons/env';
import { localMasterKey } from './envelope';

/**
 * The key access codes are hashed under (HMAC-SHA-256, functions/applications/identifiers.ts).
 *
 * In AWS it is derived once per cold start by a KMS HMAC key: GenerateMac over a fixed label. A check
 * then costs microseconds and no KMS call, where a GenerateMac/VerifyMac per check would add a network
 * round trip and a KMS request to every guess. Nothing is stored or bootstrapped, and the status
 * handlers need only `kms:GenerateMac` on that key — no Decrypt of any data key. The local cloud
 * derives it the same way from LOCAL_MASTER_KEY.
 */
const LABEL = 'dolbom/access-code-hash/v1';

let derived: Promise<Buffer> | undefined;

export function accessCodeKey(): Promise<Buffer> {
  derived ??= derive().catch((error: unknown) => {
    derived = undefined; // a failed cold start tries KMS again on the next call
    throw error;
  });
  return derived;
}

async function derive(): Promise<Buffer> {
  const keyId = env.accessCodeKeyId();
  if (keyId) {
    const out = await kms().send(new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(LABEL) }));
    return Buffer.from(out.Mac!);
  }
  return createHmac('sha256', localMasterKey()).update(LABEL).digest();
}
