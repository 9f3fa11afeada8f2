import { randomBytes } from 'node:crypto';

// Crockford base32 without I, L, O, U (as functions/applications/identifiers.ts): read aloud over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomCode(length: number): string {
  let code = '';
  for (const byte of randomBytes(length)) code += ALPHABET[byte & 31];
  return code;
}

/** A new agency's id, `P-` and 10 characters; seeded agencies have readable ones (`P-MAEUMSUP`). */
export function newAgencyId(): string {
  return `P-${randomCode(10)}`;
}

/** A new counsellor's id, `C-` and 10 characters; seeded ones are `C-<agency>-<n>`. */
export function newCounsellorId(): string {
  return `C-${randomCode(10)}`;
}

/** Whether a path segment can be an agency id: checked before it goes into a key. */
export function isAgencyId(value: string): boolean {
  return /^P-[0-9A-Z][0-9A-Z-]{1,38}$/.test(value);
}

export function isCounsellorId(value: string): boolean {
  return /^C-[0-9A-Z][0-9A-Z-]{1,38}$/.test(value);
}
