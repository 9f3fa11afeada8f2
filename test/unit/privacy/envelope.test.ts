import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { seal, unseal } from '../../../functions/privacy/envelope';
import { maskRrn } from '../../../functions/privacy/rrn';

beforeAll(() => {
  delete process.env.DATA_KEY_ID;
  process.env.LOCAL_MASTER_KEY = randomBytes(32).toString('hex');
});

describe('envelope encryption with the local key', () => {
  it('opens what it sealed, and the sealed form does not contain the plaintext', async () => {
    const sealed = await seal('900101-1234567', { applicationId: 'A1', field: 'rrn' });
    expect(JSON.stringify(sealed)).not.toContain('900101');
    expect(await unseal(sealed, { field: 'rrn', applicationId: 'A1' })).toBe('900101-1234567');
  });

  it('uses a fresh data key and IV for every value', async () => {
    const a = await seal('same', { applicationId: 'A1' });
    const b = await seal('same', { applicationId: 'A1' });
    expect(a.encryptedKey).not.toBe(b.encryptedKey);
    expect(a.data).not.toBe(b.data);
  });

  it('refuses to open a value under another encryption context', async () => {
    const sealed = await seal('900101-1234567', { applicationId: 'A1' });
    await expect(unseal(sealed, { applicationId: 'A2' })).rejects.toThrow();
  });

  it('refuses a tampered value', async () => {
    const sealed = await seal('900101-1234567', { applicationId: 'A1' });
    const data = Buffer.from(sealed.data, 'base64');
    data[0]! ^= 1;
    await expect(unseal({ ...sealed, data: data.toString('base64') }, { applicationId: 'A1' })).rejects.toThrow();
  });
});

describe('maskRrn', () => {
  it('keeps the birth date and the sex digit only', () => {
    expect(maskRrn('900101-1234567')).toBe('900101-1******');
    expect(maskRrn('9001011234567')).toBe('900101-1******');
  });
});
