import type * as z from 'zod/mini';
import type { householdCategories } from './answer-options';
import type { DistrictCode } from './districts';
import type { Text } from './i18n';

/** A condition on one answer, by dot path: used to show a field and to rank priority. */
export interface AnswerCondition {
  field: string;
  equals: unknown;
}

export interface FieldDef {
  /** Dot path in the answers, e.g. 'applicant.birthDate'; '*' stands for each item of a repeated section. */
  name: string;
  label: Text;
  help?: Text;
  /**
   * 'checkbox' with options is a multi-select; without options it is one box to tick (a consent:
   * ticked or not given). 'yesno' is a question answered 예 or 아니오 (a boolean in the answers),
   * shown as two radio buttons so that neither answer reads as the expected one.
   */
  input: 'text' | 'date' | 'number' | 'select' | 'radio' | 'checkbox' | 'yesno' | 'tel' | 'email' | 'textarea' | 'rrn';
  options?: { value: string; label: Text }[];
  required: boolean;
  /** Health information (개인정보 보호법 제23조): collected only with the sensitive-information consent. */
  sensitive?: boolean;
  showIf?: AnswerCondition;
}

export interface FormSection {
  id: string;
  title: Text;
  fields: FieldDef[];
  /** The section is filled once per item of the array at `path` (field names use `path.*.`). */
  repeat?: { path: string; maxItems: number; addLabel: Text };
}

export interface DocumentRequirement {
  id: string;
  label: Text;
  required: boolean;
  /** When an optional document is needed, in plain words. */
  when?: Text;
  /** How old the document may be on the application date. */
  maxAgeMonths?: number;
}

export interface ServicePlan {
  sessionMinutes: number;
  /** A first session (the pre-test) longer than the others, where the programme says so. */
  preTestMinutes?: number;
  sessionsPerMonth?: number;
  totalSessions?: number;
  /** One service period; a re-assessment (재판정) may extend it up to `maxMonths`. */
  periodMonths: number;
  maxReassessments: number;
  maxMonths: number;
  cadence: Text;
}

export interface ConsentText {
  version: string;
  text: Text;
}

export interface Consents {
  general: ConsentText;
  sensitive: ConsentText;
  /**
   * Below this age in full years a legal guardian must consent (개인정보 보호법 제22조의2). Absent
   * where a guardian always applies (child programme) or only adults are served (youth).
   */
  guardianRequiredUnderAge?: number;
}

export type CopayTier = 'tier1' | 'tier2' | 'tier3' | 'youth' | 'youth-leaving-care';

export type HouseholdCategory = (typeof householdCategories)[number];

/** Copay of the 지역사회서비스투자사업 programmes: by household category first, then by income. */
export interface IncomeTieredCopay {
  kind: 'income-tiered';
  byCategory: { tier: CopayTier; ratePercent: number; categories: HouseholdCategory[] };
  /** Ascending by `maxIncomePercent`; the first band the income fits in applies. */
  byIncome: { tier: CopayTier; ratePercent: number; maxIncomePercent: number }[];
}

export interface MonthlyPrice {
  unit: 'month';
  amountKrw: number;
  /** Districts that set a different monthly price (a district setting). */
  districtAmountKrw: Partial<Record<DistrictCode, number>>;
}

export interface PriorityRules {
  /** Checked in order; the first matching condition gives the rank (1 = served first). */
  ranks: { rank: number; when: AnswerCondition; reason: Text }[];
  otherwise: { rank: number; reason: Text };
}

export type StoredAnswers<A> = Omit<A, 'rrn'>;

/**
 * A programme's terms: who qualifies (its numbers), what it costs, how it is served and which services
 * it offers — everything about it but its form. Workflow steps, the registry, the ledger and the
 * portals read these (forms/terms/), without the form's questions and zod schemas.
 */
export interface ProgrammeTerms<Id extends string = string, Eligibility = unknown, Copay = unknown, Price = unknown> {
  id: Id;
  /** Version of this definition, stored with each decision so it can be replayed, e.g. '2026.1'. */
  version: string;
  name: Text;
  summary: Text;
  eligibility: Eligibility;
  copay: Copay;
  price: Price;
  priority: PriorityRules;
  plan: ServicePlan;
  serviceTypes: { id: string; label: Text }[];
  /**
   * The service type (an id of `serviceTypes`) that stored answers ask for: what matching needs a
   * counsellor qualified for. Throws on answers that do not say one (they were validated on receipt).
   */
  serviceTypeOf(answers: unknown): string;
}

/** A programme's whole definition: its terms and its form (forms/programmes/), with the answers' schemas. */
export interface ProgrammeDefinition<
  Id extends string = string,
  A = unknown,
  Eligibility = unknown,
  Copay = unknown,
  Price = unknown,
  E = StoredAnswers<A>,
> extends ProgrammeTerms<Id, Eligibility, Copay, Price> {
  /** Validates answers without date-relative rules; usable anywhere, e.g. while a form is filled in. */
  schema: z.ZodMiniType<A>;
  /** `schema` plus the rules relative to the application date (guardian for under-14s, no future dates). */
  schemaOn(applicationDate: Date): z.ZodMiniType<A>;
  /**
   * Exactly the answers the eligibility rules read, which is all a pre-check asks for: no name,
   * contact details, address, guardian's details, consents or resident registration number
   * (개인정보 보호법 제3조, collect only what is needed). Stored answers always fit it, and parsing
   * drops what the rules do not read; the pre-check request refuses it (`prescreenSchema`).
   */
  eligibilitySchema: z.ZodMiniType<E>;
  /** `eligibilitySchema` plus the dates it reads not after the application date: what the pre-check judges. */
  eligibilitySchemaOn(applicationDate: Date): z.ZodMiniType<E>;
  sections: FormSection[];
  documents: DocumentRequirement[];
  consents: Consents;
  collectsRrn: boolean;
  rrnLegalBasis?: Text;
}
