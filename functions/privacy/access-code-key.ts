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

export function accessCodeKey(): Promise<Buffer> {
  return derivedKey(LABEL);
}

const derived = new Map<string, Promise<Buffer>>();

/**
 * A key derived from the same KMS HMAC key for another purpose, named by its label (the applicant-name
 * index, functions/applications/applicant-name.ts): distinct labels give unrelated keys.
 */
export function derivedKey(label: string): Promise<Buffer> {
  let key = derived.get(label);
  if (!key) {
    key = derive(label).catch((error: unknown) => {
      derived.delete(label); // a failed cold start tries KMS again on the next call
      throw error;
    });
    derived.set(label, key);
  }
  return key;
}

async function derive(label: string): Promise<Buffer> {
  const keyId = env.accessCodeKeyId();
  if (keyId) {
    const out = await kms().send(new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(label) }));
    return Buffer.from(out.Mac!);
  }
  return createHmac('sha256', localMasterKey()).update(label).digest();
}
