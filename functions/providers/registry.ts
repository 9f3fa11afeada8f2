import type { Text } from '../../forms/i18n';
import type { DistrictCode } from '../../forms/districts';
import type { Language } from '../../forms/languages';

/**
 * The provider registry's domain (DOMAIN.md §3): agencies (제공기관) and their counsellors (제공인력).
 * Nothing here touches AWS; the store is functions/providers/registry-store.ts.
 */

/** Counsellor qualifications (자격) Dolbom knows; what each lets a counsellor serve is derived below. */
export const qualifications = [
  { id: 'mental-health-professional', label: { ko: '정신건강전문요원', en: 'Mental-health professional' }, youth: 'B', counselling: true },
  { id: 'clinical-psychologist-1', label: { ko: '임상심리사 1급', en: 'Clinical psychologist, 1st grade' }, youth: 'B', counselling: true },
  { id: 'clinical-psychologist-2', label: { ko: '임상심리사 2급', en: 'Clinical psychologist, 2nd grade' }, youth: 'A', counselling: true },
  { id: 'counselling-teacher', label: { ko: '전문상담교사', en: 'Professional counselling teacher' }, youth: 'A', counselling: true },
  { id: 'youth-counsellor', label: { ko: '청소년상담사', en: 'Youth counsellor' }, youth: 'A', counselling: true },
  { id: 'counselling-graduate-experienced', label: { ko: '상담 관련 석사 이상 + 경력', en: 'Counselling master’s degree or higher with experience' }, youth: 'B', counselling: true },
  { id: 'counselling-degree-experienced', label: { ko: '상담 관련 학위 + 경력', en: 'Counselling degree with experience' }, youth: 'A', counselling: true },
  { id: 'speech-therapist', label: { ko: '언어재활사', en: 'Speech-language therapist' }, youth: undefined, counselling: false },
  { id: 'play-therapist', label: { ko: '놀이치료사', en: 'Play therapist' }, youth: undefined, counselling: false },
  { id: 'art-therapist', label: { ko: '미술치료사', en: 'Art therapist' }, youth: undefined, counselling: false },
  { id: 'music-therapist', label: { ko: '음악치료사', en: 'Music therapist' }, youth: undefined, counselling: false },
  { id: 'sensory-integration-therapist', label: { ko: '감각통합치료사(작업치료사)', en: 'Sensory-integration (occupational) therapist' }, youth: undefined, counselling: false },
  { id: 'psychomotor-therapist', label: { ko: '심리운동사', en: 'Psychomotor therapist' }, youth: undefined, counselling: false },
  { id: 'cognitive-learning-therapist', label: { ko: '인지학습치료사', en: 'Cognitive-learning therapist' }, youth: undefined, counselling: false },
] as const satisfies readonly { id: string; label: Text; youth: 'A' | 'B' | undefined; counselling: boolean }[];
export type QualificationId = (typeof qualifications)[number]['id'];

export const programmeIds = ['child-adolescent', 'parent', 'youth'] as const;
export type ProgrammeId = (typeof programmeIds)[number];

/** Seoul trains counsellors per programme at two levels; basic training is required to serve (DOMAIN.md §3). */
export type TrainingLevel = 'basic' | 'advanced';
export interface Training {
  programme: ProgrammeId;
  level: TrainingLevel;
  /** ISO date (YYYY-MM-DD). */
  completedOn: string;
}

export type Gender = 'female' | 'male';
/** The form asks an applicant's language from the same list (forms/languages.ts), so the two cannot drift. */
export { languages, type Language } from '../../forms/languages';

/** When sessions can be held; the applicant's time preference is matched against it. */
export interface Availability {
  weekdayDaytime: boolean;
  evening: boolean;
  saturday: boolean;
}

export interface Agency {
  agencyId: string;
  name: Text;
  district: DistrictCode;
  address: string;
  phone: string;
  email?: string;
  programmes: ProgrammeId[];
  /** Service type ids (forms/programmes/*.ts `serviceTypes`) the agency offers, across its programmes. */
  serviceTypes: string[];
  openingHours: Availability & { note?: string };
  createdAt: string;
  updatedAt: string;
}

export interface Counsellor {
  counsellorId: string;
  agencyId: string;
  name: string;
  gender: Gender;
  languages: Language[];
  qualifications: QualificationId[];
  trainings: Training[];
  availability: Availability;
  /** Cases the counsellor can carry in a week; never below `reserved`. */
  weeklyCapacity: number;
  /** Places held: offered (waiting for the agency's answer) or in service. Changed only in transactions. */
  reserved: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A counsellor as matching reads it: with the agency's district and what is derived from qualifications. */
export interface CounsellorForMatching
  extends Pick<Counsellor, 'counsellorId' | 'agencyId' | 'gender' | 'languages' | 'trainings' | 'availability' | 'weeklyCapacity' | 'reserved' | 'qualifications' | 'active'> {
  agencyDistrict: DistrictCode;
  agencyName: Text;
  /** Programmes the agency offers (a counsellor serves only the agency's programmes). */
  agencyProgrammes: ProgrammeId[];
  /** Service types the agency offers (a counsellor serves only what the agency offers). */
  agencyServiceTypes: string[];
}

/**
 * The youth voucher types (A/B) a counsellor may serve, from their qualifications only — never typed
 * in. A type-B qualification also serves type A: the higher qualification covers the lower package.
 */
export function youthVoucherTypesOf(held: readonly QualificationId[]): ('A' | 'B')[] {
  const grades = new Set(held.map((id) => qualifications.find((q) => q.id === id)?.youth));
  if (grades.has('B')) return ['A', 'B'];
  if (grades.has('A')) return ['A'];
  return [];
}

/** Which qualification each service type needs; counselling service types need any counselling qualification. */
const therapistFor: Record<string, QualificationId> = {
  speech: 'speech-therapist',
  'play-therapy': 'play-therapist',
  'art-therapy': 'art-therapist',
  'music-therapy': 'music-therapist',
  'sensory-integration': 'sensory-integration-therapist',
  psychomotor: 'psychomotor-therapist',
  'cognitive-learning': 'cognitive-learning-therapist',
};

/** Whether the qualifications let a counsellor deliver a service type (e.g. speech needs a speech therapist). */
export function qualifiedFor(held: readonly QualificationId[], serviceType: string): boolean {
  const therapist = therapistFor[serviceType];
  if (therapist) return held.includes(therapist);
  return held.some((id) => qualifications.find((q) => q.id === id)?.counselling);
}

/** Whether basic training for the programme is done (on or before `on`, an ISO date). */
export function basicTrainingDone(trainings: readonly Training[], programme: string, on: string): boolean {
  return trainings.some((t) => t.programme === programme && t.completedOn <= on.slice(0, 10));
}

export function freePlaces(c: Pick<Counsellor, 'weeklyCapacity' | 'reserved'>): number {
  return Math.max(0, c.weeklyCapacity - c.reserved);
}
