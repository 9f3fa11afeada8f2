/**
 * The screening instruments of the pre- and post-tests — DOMAIN.md §4. Data only: the number of
 * items, the answer scale and the severity bands, each with the words a person reads. Totals and
 * bands are always computed from the item answers (score.ts), never typed in.
 */
import type { Text } from '../../forms/i18n';

export const bandIds = ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe'] as const;
export type BandId = (typeof bandIds)[number];

/** The Korean words follow the usual clinical translation, so a summary reads "중등도-고도 → 경도". */
export const bandLabels: Record<BandId, Text> = {
  minimal: { ko: '최소', en: 'minimal' },
  mild: { ko: '경도', en: 'mild' },
  moderate: { ko: '중등도', en: 'moderate' },
  'moderately-severe': { ko: '중등도-고도', en: 'moderately severe' },
  severe: { ko: '고도', en: 'severe' },
};

/** A band covers the totals `min`–`max` inclusive; an instrument's bands cover 0 to its maximum without gaps. */
export interface Band {
  id: BandId;
  min: number;
  max: number;
}

export interface Instrument<Id extends string = string> {
  id: Id;
  /** How forms and messages name it: 'PHQ-9'. */
  short: string;
  name: Text;
  /** Each item is answered 0 (not at all) to `itemMax` (nearly every day) over the last two weeks. */
  items: number;
  itemMax: number;
  /** Ascending by total. */
  bands: readonly Band[];
}

/** PHQ-9 (Patient Health Questionnaire, depression), totals 0–27. */
export const phq9: Instrument<'phq9'> = {
  id: 'phq9',
  short: 'PHQ-9',
  name: { ko: 'PHQ-9(우울)', en: 'PHQ-9 (depression)' },
  items: 9,
  itemMax: 3,
  bands: [
    { id: 'minimal', min: 0, max: 4 },
    { id: 'mild', min: 5, max: 9 },
    { id: 'moderate', min: 10, max: 14 },
    { id: 'moderately-severe', min: 15, max: 19 },
    { id: 'severe', min: 20, max: 27 },
  ],
};

/** GAD-7 (Generalized Anxiety Disorder, anxiety), totals 0–21: no "moderately severe" band. */
export const gad7: Instrument<'gad7'> = {
  id: 'gad7',
  short: 'GAD-7',
  name: { ko: 'GAD-7(불안)', en: 'GAD-7 (anxiety)' },
  items: 7,
  itemMax: 3,
  bands: [
    { id: 'minimal', min: 0, max: 4 },
    { id: 'mild', min: 5, max: 9 },
    { id: 'moderate', min: 10, max: 14 },
    { id: 'severe', min: 15, max: 21 },
  ],
};

export type InstrumentId = typeof phq9.id | typeof gad7.id;
export const instruments: Record<InstrumentId, Instrument<InstrumentId>> = { phq9, gad7 };

/**
 * High risk [decision, DOMAIN.md §4]: PHQ-9 ≥ 20, or PHQ-9 item 9 (thoughts of being better off dead
 * or of self-harm) above 0 whatever the total, or GAD-7 ≥ 15. Kept as data beside the bands.
 */
export const highRisk = {
  phq9TotalAtLeast: 20,
  /** 1-based, as the questionnaire numbers it. */
  phq9SuicideItem: 9,
  gad7TotalAtLeast: 15,
} as const;

/** The suicide-prevention crisis line the provider's and the case manager's pages show (DOMAIN.md §4). */
export const crisisLine = {
  number: '109',
  label: { ko: '자살예방상담전화 109 (24시간)', en: 'Suicide prevention line 109 (24 hours)' },
} as const satisfies { number: string; label: Text };
