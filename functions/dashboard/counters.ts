/**
 * The dashboard's counters: which counter an application or a session is counted in, and what a
 * change of it does to the counters. Free of AWS: the projection (project-counts.ts) reads the item
 * as it is now, the marker of where it was counted, and writes what `countChange` says.
 *
 * Why counters and not a count at read time: applications never leave their district's index
 * (`DISTRICT#<d>` in GSI1 holds every application ever submitted, closed and rejected ones too), so
 * counting them by status at read time would read a district's whole history on every look, growing
 * every month. A counter per district × programme × status is one small item; the dashboard reads a
 * district's few dozen counters with one Query.
 */
import type { ApplicationStatus } from '../applications/application';
import { keys } from '../applications/keys';
import type { SessionOutcome } from '../service-period/session';

/** One counter item: its partition (the district's) and its sort key. */
export interface CountCell {
  pk: string;
  sk: string;
}

export const applicationCounterPrefix = 'application#';
export const sessionCounterPrefix = 'sessions#';

/** An application counts in its district × programme × status. */
export function applicationCell(application: { district: string; programme: string; status: ApplicationStatus }): CountCell {
  return { pk: keys.districtCounts(application.district), sk: `${applicationCounterPrefix}${application.programme}#${application.status}` };
}

/**
 * A session counts once the agency recorded it: in its district, the Seoul month of the day it was
 * held (or missed, cancelled, moved from) and its latest outcome. A correction moves it.
 */
export function sessionCell(district: string, record: { outcome: SessionOutcome; on: string } | undefined): CountCell | undefined {
  if (!record) return undefined;
  return { pk: keys.districtCounts(district), sk: `${sessionCounterPrefix}${record.on.slice(0, 7)}#${record.outcome}` };
}

/** What a change does to the counters: one down (`from`), one up (`to`), or both (a move). */
export interface CountChange {
  from?: CountCell;
  to?: CountCell;
}

const same = (a: CountCell | undefined, b: CountCell | undefined) => a?.pk === b?.pk && a?.sk === b?.sk;

/**
 * From where an item is counted (its marker) to where it belongs now; undefined when nothing changes.
 * Because the change is computed from the item's current state, not from the stream record, a record
 * delivered twice, or late, or out of order, finds the marker already where the item belongs: no count
 * moves twice.
 */
export function countChange(counted: CountCell | undefined, current: CountCell | undefined): CountChange | undefined {
  if (same(counted, current)) return undefined;
  return { ...(counted ? { from: counted } : {}), ...(current ? { to: current } : {}) };
}

/** A counter's sort key read back: an application's programme and status, or a session's month and outcome. */
export type CounterKey =
  | { kind: 'application'; programme: string; status: ApplicationStatus }
  | { kind: 'sessions'; month: string; outcome: SessionOutcome };

export function parseCounterKey(sk: string): CounterKey | undefined {
  const [kind, a, b] = sk.split('#');
  if (!a || !b) return undefined;
  if (`${kind}#` === applicationCounterPrefix) return { kind: 'application', programme: a, status: b as ApplicationStatus };
  if (`${kind}#` === sessionCounterPrefix) return { kind: 'sessions', month: a, outcome: b as SessionOutcome };
  return undefined;
}
