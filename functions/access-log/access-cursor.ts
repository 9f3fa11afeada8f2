import * as z from 'zod/mini';

/**
 * Where a reader of the access log stands: the last record of the page. Sent as an opaque string
 * (base64url JSON) and checked on return. It only positions a Query within the partition the route
 * chose (the case's, or the staff member's), so a tampered cursor may skip records but never reach
 * another partition.
 */
export interface AccessCursor {
  applicationId: string;
  /** The record's sort key, `<at>#<accessId>`. */
  sk: string;
}

const cursorSchema = z.strictObject({
  applicationId: z.string().check(z.minLength(1), z.maxLength(100)),
  sk: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9a-f-]{36}$/)),
});

export function encodeAccessCursor(cursor: AccessCursor): string {
  return Buffer.from(JSON.stringify({ applicationId: cursor.applicationId, sk: cursor.sk })).toString('base64url');
}

/** The position a client sent back; undefined when malformed or tampered with. */
export function decodeAccessCursor(text: string): AccessCursor | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
