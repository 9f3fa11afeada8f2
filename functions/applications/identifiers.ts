import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

// Crockford base32 without I, L, O, U: unambiguous when read aloud or typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

/** Unguessable (125 bits) and valid as a Step Functions execution name. */
export function newApplicationId(): string {
  return `A${randomCode(25)}`;
}

export function isApplicationId(value: string): boolean {
  return /^A[0-9A-HJKMNP-TV-Z]{25}$/.test(value);
}

/** What a citizen quotes on the phone: year and 8 characters. Uniqueness is enforced by the store. */
export function newReceiptNumber(at: Date): string {
  return `DB-${at.getUTCFullYear()}-${randomCode(8)}`;
}

/** The secret that, with the receipt number, opens the status page (60 bits, shown once). */
export function newAccessCode(): string {
  const code = randomCode(12);
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

function normaliseAccessCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Stored instead of the code: salted scrypt, so a copy of the table does not reveal access codes. */
export async function hashAccessCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(normaliseAccessCode(code), salt, 32);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyAccessCode(code: string, stored: string): Promise<boolean> {
  const [scheme, salt, expected] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const actual = await scrypt(normaliseAccessCode(code), Buffer.from(salt, 'base64'), 32);
  const wanted = Buffer.from(expected, 'base64');
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}
