/**
 * The access log (접속기록) of the personal information safeguard standard, art. 8: every time staff
 * read a person's data, who (user id), in which role (groups), when, from where (source IP), whose
 * data (the application) and what (the route and its purpose). Pure: the store writes what this builds.
 */
import { randomUUID } from 'node:crypto';

export interface AccessRecord {
  accessId: string;
  /** ISO time of the read. */
  at: string;
  userId: string;
  /** The staff member's groups at the time: the role they read in. */
  groups: string[];
  sourceIp?: string;
  /** Whose data: the application read or shown in a list. */
  applicationId: string;
  /** The application's district: a supervisor sees the records of their own districts only. */
  district: string;
  /** The route as the API names it, e.g. `GET /api/staff/applications/{applicationId}`. */
  route: string;
  /** What the read was for, in the audit trail's words (`application.viewed-by-staff`). */
  purpose: string;
  /** For a list: the query that produced it (paging cursors left out), so the record says why this person was shown. */
  query?: Record<string, string>;
  /** Epoch seconds after which DynamoDB's TTL may delete the record. */
  expiresAt: number;
}

/** Who read: the signed-in staff member and where the request came from. */
export interface Reader {
  userId: string;
  groups: readonly string[];
  sourceIp?: string;
}

/** One application whose data the reader saw. */
export interface Shown {
  applicationId: string;
  district: string;
}

/**
 * Kept for two years and a margin. Art. 8(1) asks at least two years for a system that handles
 * unique identifiers (the child programme's 주민등록번호) or sensitive data (mental health screening),
 * as Dolbom does. TTL deletes an item only some time after it expires, never before, so expiring at
 * two years exactly would already keep enough; the margin (a month, and 366-day years) leaves room for
 * the monthly review art. 8(2) asks for, and for an inspection that starts near the two-year mark.
 */
export const ACCESS_RECORD_RETENTION_DAYS = 2 * 366 + 31;

export function accessRecordExpiry(at: string): number {
  return Math.floor(Date.parse(at) / 1000) + ACCESS_RECORD_RETENTION_DAYS * 24 * 60 * 60;
}

/** Query parameters that only position a page: they say nothing about why a person was shown. */
const POSITION_ONLY = new Set(['cursor', 'limit']);

function listQuery(query: Record<string, string | undefined> | undefined): Record<string, string> | undefined {
  const kept = Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && !POSITION_ONLY.has(e[0]));
  return kept.length ? Object.fromEntries(kept.sort(([a], [b]) => a.localeCompare(b))) : undefined;
}

/**
 * One record per application shown, each once (a list may show a person twice, e.g. two offers of
 * one application: one read of their data), all at the same instant.
 */
export function accessRecords(
  reader: Reader,
  read: { at: string; route: string; purpose: string; query?: Record<string, string | undefined> },
  shown: readonly Shown[],
): AccessRecord[] {
  const query = listQuery(read.query);
  const once = [...new Map(shown.map((s) => [s.applicationId, s])).values()];
  return once.map((s) => ({
    accessId: randomUUID(),
    at: read.at,
    userId: reader.userId,
    groups: [...reader.groups],
    ...(reader.sourceIp ? { sourceIp: reader.sourceIp } : {}),
    applicationId: s.applicationId,
    district: s.district,
    route: read.route,
    purpose: read.purpose,
    ...(query ? { query } : {}),
    expiresAt: accessRecordExpiry(read.at),
  }));
}
