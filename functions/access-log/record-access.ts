import { now } from '../commons/clock';
import type { HttpEvent } from '../commons/http';
import { staffActor, type StaffMember } from '../commons/staff';
import { auditEvent } from '../applications/audit';
import { auditPut } from '../applications/store';
import { accessRecords, type Shown } from './access-record';
import { accessRecordPut, writeAll } from './access-log-store';

/** An application a staff member read or was shown, and what the case's audit trail says of it. */
export interface StaffRead extends Shown {
  detail?: Record<string, string | number>;
}

/**
 * Records a staff read of people's data, before the answer leaves: for each application shown, an
 * access record (the log supervisors list, kept two years) and — unless `caseTrail` is false, for a
 * read audited elsewhere such as the district's settlement export — the read on the case's audit
 * trail, written together. The one way every staff route records a read: what it records cannot
 * differ from route to route, and a route's test (test/integration/access-log.test.ts) checks it does.
 *
 * A list passes its `query` as its schema parsed it: the record keeps the parameters the route read
 * (as sent), never others a caller added — the log is no place for whatever text anyone appends to a
 * URL, and a parameter named `constructor` or `__proto__` would not even store (a 500).
 */
export async function recordStaffRead(
  event: HttpEvent,
  staff: StaffMember,
  purpose: string,
  shown: readonly StaffRead[],
  options: { caseTrail?: boolean; query?: object } = {},
): Promise<void> {
  if (shown.length === 0) return;
  const at = now().toISOString();
  const actor = staffActor(staff, event);
  const records = accessRecords(actor, { at, route: event.routeKey, purpose, query: queryRead(event.queryStringParameters, options.query) }, shown);
  const trail =
    options.caseTrail === false
      ? []
      : shown.map((s) => auditPut(auditEvent({ applicationId: s.applicationId, at, actor, action: purpose, ...(s.detail ? { detail: s.detail } : {}) })));
  await writeAll([...records.map(accessRecordPut), ...trail]);
}

/** The parameters a route read, as sent: those its parsed query has. */
function queryRead(sent: Record<string, string | undefined> | undefined, parsed: object | undefined): Record<string, string> | undefined {
  if (!sent || !parsed) return undefined;
  const read = Object.keys(parsed).filter((name) => Object.hasOwn(sent, name) && typeof sent[name] === 'string');
  return read.length ? Object.fromEntries(read.map((name) => [name, sent[name]!])) : undefined;
}
