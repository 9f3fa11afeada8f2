import type { Text } from '../../forms/i18n';
import type { DistrictCode } from '../../forms/districts';
import type { Gender, Language } from '../providers/registry';

/** The applicant's optional preferences, asked on every programme's form (answers.preferences). */
export interface MatchPreferences {
  counsellorGender?: Gender;
  language?: Language;
  time?: 'weekday-daytime' | 'evening' | 'saturday';
}

/** What matching reads of an application: no name, contact or income. */
export interface MatchRequest {
  applicationId: string;
  programme: string;
  district: DistrictCode;
  serviceType: string;
  /** Youth programme only: the voucher type chosen on the form. */
  voucherType?: 'A' | 'B';
  preferences: MatchPreferences;
  /** The counsellor of an earlier period or match, for continuity. */
  previousCounsellorId?: string;
  /** Eligibility priority rank: 1 is served first (functions/eligibility/priority.ts). */
  rank: number;
  /** When the application started waiting (ISO); older first on ties. */
  waitingSince: string;
  /** Counsellors who declined or let an offer lapse for this application: never offered again. */
  excludedCounsellorIds: string[];
}

/** One part of a candidate's score, for the reason shown to staff. */
export interface ScorePart {
  factor: 'distance' | 'gender' | 'language' | 'time' | 'continuity' | 'load';
  points: number;
  reason: Text;
}

/** A counsellor who meets every hard constraint, with a score (higher is better) and why. */
export interface Candidate {
  counsellorId: string;
  agencyId: string;
  agencyName: Text;
  agencyDistrict: DistrictCode;
  score: number;
  parts: ScorePart[];
  /** The parts as one sentence, e.g. "같은 구, 야간 가능, 여성 상담사 희망 충족". */
  reason: Text;
}
