/**
 * Referral of a high-risk person at closure (DOMAIN.md §4): where to, and what the task records.
 * Data only — no zod, no node:crypto — so the console bundles it (the bodies are in referral-body.ts).
 */
import type { Text } from '../../forms/i18n';
import type { StaffActor } from '../applications/audit';

/** Where a referral goes: the district's centre, Seoul's integration centre (seed 002), or a clinic or hospital. */
export const referralDestinations = ['mental-health-welfare-centre', 'seoul-mental-health-integration-centre', 'medical-institution'] as const;
export type ReferralDestination = (typeof referralDestinations)[number];

export const referralDestinationLabels: Record<ReferralDestination, Text> = {
  'mental-health-welfare-centre': { ko: '정신건강복지센터', en: 'Mental-health welfare centre (정신건강복지센터)' },
  'seoul-mental-health-integration-centre': { ko: '서울시정신건강통합센터', en: 'Seoul Mental Health Integration Centre' },
  'medical-institution': { ko: '의료기관', en: 'Medical institution' },
};

/**
 * A referral task's record: why it is owed, where it was sent, and the receiver's acknowledgement.
 * Open until the acknowledgement is recorded (the task's `state` says so).
 */
export interface Referral {
  /** The high-risk results of the case, in words, for the case manager. */
  reasons: Text[];
  sent?: { to: ReferralDestination; organisation: string; note?: string; at: string; by: StaffActor };
  acknowledged?: { by: string; on: string; note?: string; recordedAt: string; recordedBy: StaffActor };
}
