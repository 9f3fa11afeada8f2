/**
 * The programme registry: one source of truth for what Dolbom offers. A new programme is its terms
 * (terms/, listed in terms/index.ts), its form (programmes/) and one line in `programmes` below (the
 * eligibility engine then asks for its rules).
 */
import * as z from 'zod/mini';
import { message } from './messages';
import { refusingUnknownFields } from './strict';
import { submissionFor } from './submission';
import { childAdolescent } from './programmes/child-adolescent';
import { parent } from './programmes/parent';
import { youth } from './programmes/youth';
import type { ProgrammeId as ProgrammeWithTerms } from './terms';
import type { ProgrammeDefinition } from './types';

export const programmes = [childAdolescent, parent, youth] as const;

export type AnyProgramme = (typeof programmes)[number];
export type ProgrammeId = AnyProgramme['id'];
export type ProgrammeById = { [P in AnyProgramme as P['id']]: P };

// Every programme here has its terms listed in terms/index.ts, and every programme there a form here.
true satisfies [ProgrammeId] extends [ProgrammeWithTerms] ? ([ProgrammeWithTerms] extends [ProgrammeId] ? true : false) : false;
export type AnswersOf<Id extends ProgrammeId> =
  ProgrammeById[Id] extends ProgrammeDefinition<Id, infer A, infer _E, infer _C, infer _P> ? A : never;

/** The HTTP body of an application, correlated: the answers are those of the named programme. */
export type Submission = { [Id in ProgrammeId]: { programme: Id; answers: AnswersOf<Id> } }[ProgrammeId];

export const programmeIds = programmes.map((p) => p.id) as [ProgrammeId, ...ProgrammeId[]];

export const programmesById = Object.fromEntries(programmes.map((p) => [p.id, p])) as ProgrammeById;

export function isProgrammeId(value: unknown): value is ProgrammeId {
  return typeof value === 'string' && (programmeIds as string[]).includes(value);
}

/** The definition of a programme; throws a RangeError for an id Dolbom does not offer. */
export function getProgramme(id: string): AnyProgramme {
  if (!isProgrammeId(id)) throw new RangeError(`unknown programme "${id}"`);
  return programmesById[id];
}

const unknownProgramme = message('unknown-programme', {
  ko: `신청할 사업을 골라 주세요(${programmeIds.join(', ')})`,
  en: `Choose a programme to apply for (${programmeIds.join(', ')})`,
});

function submissionOf(answersSchema: (programme: AnyProgramme) => z.ZodMiniType): z.ZodMiniType<Submission> {
  const options = programmes.map((p) => submissionFor(p, answersSchema(p)));
  const union = z.discriminatedUnion('programme', options as [(typeof options)[number], ...(typeof options)[number][]], {
    error: unknownProgramme,
  });
  // The union is built from the registry, which TypeScript sees as one merged option; `Submission`
  // restores the correlation between `programme` and its answers.
  return union as unknown as z.ZodMiniType<Submission>;
}

/** `{ programme, answers }` without date-relative rules: for forms being filled in, anywhere. */
export const submissionSchema = submissionOf((p) => p.schema);

/**
 * `{ programme, answers }` with the rules relative to the application date (guardian for under-14s,
 * no dates after it). The server validates submissions with this, giving it the time of receipt.
 */
export function submissionSchemaOn(applicationDate: Date): z.ZodMiniType<Submission> {
  return submissionOf((p) => p.schemaOn(applicationDate));
}

export type { Text } from './i18n';
export type * from './types';
export type { FieldError } from './errors';
export { fieldErrors } from './errors';

/** A pre-check: `{ programme, answers }` with only what the eligibility rules read (see `eligibilitySchema`). */
export type PrescreenRequest = { programme: ProgrammeId; answers: Record<string, unknown> };

/**
 * The pre-check drawn from a form that holds more: what the eligibility rules read, the rest dropped.
 * The citizen page sends what this gives.
 */
export const prescreenAnswersSchema = submissionOf((p) => p.eligibilitySchema) as unknown as z.ZodMiniType<PrescreenRequest>;

/**
 * The pre-check request: what the rules read and nothing else. Any other answer (a name, a phone,
 * the registration number) is refused by name rather than silently dropped, so a client that
 * over-shares is told, and fixed, instead of leaking quietly; the page never sends one.
 */
export const prescreenSchema = refusingUnknownFields(prescreenAnswersSchema);

/**
 * `prescreenSchema` with the dates it reads judged against the day of the request: a birth date after
 * it is refused with the message a submission gets, never turned into a negative age. The server
 * checks pre-checks with this; the OpenAPI document shows `prescreenSchema`.
 */
export function prescreenSchemaOn(applicationDate: Date): z.ZodMiniType<PrescreenRequest> {
  return refusingUnknownFields(submissionOf((p) => p.eligibilitySchemaOn(applicationDate)) as unknown as z.ZodMiniType<PrescreenRequest>);
}
