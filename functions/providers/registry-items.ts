import { randomUUID } from 'node:crypto';
import type { DistrictCode } from '../../forms/districts';
import { env } from '../commons/env';
import type { Actor } from '../applications/audit';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import type { Agency, Counsellor } from './registry';

/*
 * The registry's items as stored in the single table, and the writes other parts of Dolbom put in
 * their own transactions (a capacity signal when a place is released). No reads, no decisions.
 */

const table = () => env.tableName();

/** An agency as stored: its revision guards read-modify-write updates; its counsellor count, district moves. */
export function agencyItem(agency: Agency, counsellorCount: number, revision = 1) {
  return {
    ...keys.agency(agency.agencyId),
    entity: 'Agency',
    gsi1pk: keys.agencies,
    gsi1sk: `${agency.district}#${agency.agencyId}`,
    ...agency,
    counsellorCount,
    revision,
  };
}

/** A counsellor as stored, with their agency's district so a reader of the item alone knows where they work. */
export function counsellorItem(counsellor: Counsellor, agencyDistrict: DistrictCode) {
  return {
    ...keys.counsellor(counsellor.agencyId, counsellor.counsellorId),
    entity: 'Counsellor',
    gsi1pk: keys.counsellors,
    gsi1sk: `${counsellor.agencyId}#${counsellor.counsellorId}`,
    ...counsellor,
    agencyDistrict,
  };
}

/** Who changed what in an agency's registry entry: field names and numbers, never the text typed. */
export interface RegistryAuditEvent {
  eventId: string;
  agencyId: string;
  counsellorId?: string;
  at: string;
  actor: Actor;
  action: 'agency.created' | 'agency.updated' | 'counsellor.created' | 'counsellor.updated';
  changed: string[];
  detail?: Record<string, string | number | boolean>;
}

export function registryAuditPut(event: Omit<RegistryAuditEvent, 'eventId'>): TransactItem {
  const eventId = randomUUID();
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.agencyAudit(event.agencyId, event.at, eventId), entity: 'RegistryAuditEvent', eventId, ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
