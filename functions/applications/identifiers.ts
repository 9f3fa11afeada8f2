import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Crockford base32 without I, L, O, U: unambiguous when read aloud or typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function codeOf(bytes: Uint8Array): string {
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

function randomCode(length: number): string {
  return codeOf(randomBytes(length));
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

const SCHEME = 'hmac-sha256$';
const NOTHING_MATCHES = Buffer.alloc(32);

function accessCodeMac(key: Buffer, applicationId: string, code: string): Buffer {
  return createHmac('sha256', key).update(`access-code\n${applicationId}\n${normaliseAccessCode(code)}`).digest();
}

/**
 * Stored instead of the code. The code is a 60-bit random secret, not a password, so a keyed hash
 * (HMAC-SHA-256 under the access-code key, functions/privacy/access-code-key.ts) protects it as well
 * as a slow hash would — a copy of the table without the key reveals nothing — at microseconds a
 * check. Bound to the application id, so a hash copied onto another application does not open it.
 */
export function hashAccessCode(key: Buffer, applicationId: string, code: string): string {
  return SCHEME + accessCodeMac(key, applicationId, code).toString('base64');
}

/**
 * Whether `code` opens the application whose stored hash is `stored`, compared in constant time.
 * Without a stored hash (no such application) it does the same work against a hash nothing matches,
 * so an unknown id costs what a known one does.
 */
export function accessCodeMatches(key: Buffer, applicationId: string, code: string, stored: string | undefined): boolean {
  const actual = accessCodeMac(key, applicationId, code);
  const wanted = stored?.startsWith(SCHEME) ? Buffer.from(stored.slice(SCHEME.length), 'base64') : NOTHING_MATCHES;
  const equal = wanted.length === actual.length && timingSafeEqual(actual, wanted);
  return equal && wanted !== NOTHING_MATCHES;
}

/**
 * The application id a receipt number with no application stands for: always the same one for the
 * same receipt, so guesses at an unknown receipt are counted, locked and audited exactly like guesses
 * at a known one, and neither the answers nor the locks tell which receipts exist.
 */
export function standInApplicationId(key: Buffer, receiptNumber: string): string {
  return `A${codeOf(createHmac('sha256', key).update(`receipt\n${receiptNumber}`).digest().subarray(0, 25))}`;
}
