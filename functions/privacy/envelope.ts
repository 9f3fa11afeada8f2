import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { kms } from '../commons/clients';
import { env } from '../commons/env';

/**
 * Envelope encryption for personal identifiers (resident registration numbers, access codes kept for
 * idempotent replays). Each value gets its own data key; the data key is wrapped by KMS in AWS, or by
 * the local master key in the local cloud. The encryption context (e.g. the application id) is bound
 * to both layers, so a sealed value copied onto another application does not open.
 */
export interface SealedValue {
  v: 1;
  /** 'local' or the KMS key that wrapped the data key. */
  wrappedBy: string;
  encryptedKey: string;
  iv: string;
  tag: string;
  data: string;
}

type EncryptionContext = Record<string, string>;

interface DataKey {
  plaintext: Buffer;
  encrypted: Buffer;
  wrappedBy: string;
}

function aad(context: EncryptionContext): Buffer {
  return Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => a.localeCompare(b))));
}

function gcmEncrypt(key: Buffer, plaintext: Buffer, context: EncryptionContext) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(context));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, data, tag: cipher.getAuthTag() };
}

function gcmDecrypt(key: Buffer, iv: Buffer, data: Buffer, tag: Buffer, context: EncryptionContext): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(aad(context));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** The local cloud's stand-in for KMS keys (a persistent random key in its data folder). */
export function localMasterKey(): Buffer {
  const hex = env.localMasterKey();
  if (!hex || !/^[0-9a-f]{64}$/i.test(hex)) {
    throw new Error('No KMS key is configured and LOCAL_MASTER_KEY is not a 32-byte hex key');
  }
  return Buffer.from(hex, 'hex');
}

async function newDataKey(context: EncryptionContext): Promise<DataKey> {
  const keyId = env.dataKeyId();
  if (keyId) {
    const out = await kms().send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context }));
    return { plaintext: Buffer.from(out.Plaintext!), encrypted: Buffer.from(out.CiphertextBlob!), wrappedBy: out.KeyId ?? keyId };
  }
  const plaintext = randomBytes(32);
  const wrapped = gcmEncrypt(localMasterKey(), plaintext, context);
  return { plaintext, encrypted: Buffer.concat([wrapped.iv, wrapped.tag, wrapped.data]), wrappedBy: 'local' };
}

async function unwrapDataKey(sealed: SealedValue, context: EncryptionContext): Promise<Buffer> {
  const encrypted = Buffer.from(sealed.encryptedKey, 'base64');
  if (sealed.wrappedBy !== 'local') {
    const out = await kms().send(new DecryptCommand({ CiphertextBlob: encrypted, EncryptionContext: context }));
    return Buffer.from(out.Plaintext!);
  }
  return gcmDecrypt(localMasterKey(), encrypted.subarray(0, 12), encrypted.subarray(28), encrypted.subarray(12, 28), context);
}

export async function seal(plaintext: string, context: EncryptionContext): Promise<SealedValue> {
  const key = await newDataKey(context);
  const { iv, data, tag } = gcmEncrypt(key.plaintext, Buffer.from(plaintext, 'utf8'), context);
  key.plaintext.fill(0);
  return {
    v: 1,
    wrappedBy: key.wrappedBy,
    encryptedKey: key.encrypted.toString('base64'),
    iv: iv.toString('base64'),
    tag: tag.toString('base64'),
    data: data.toString('base64'),
  };
}

export async function unseal(sealed: SealedValue, context: EncryptionContext): Promise<string> {
  const key = await unwrapDataKey(sealed, context);
  const plaintext = gcmDecrypt(key, Buffer.from(sealed.iv, 'base64'), Buffer.from(sealed.data, 'base64'), Buffer.from(sealed.tag, 'base64'), context);
  key.fill(0);
  return plaintext.toString('utf8');
}
