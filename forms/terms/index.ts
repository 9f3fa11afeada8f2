/**
 * Every programme's terms (types.ts `ProgrammeTerms`): the registry without the forms. What a workflow
 * step, the provider registry, the ledger or a portal reads of a programme — its name, plan, prices,
 * services — comes from here, so their bundles carry no form and no answers schema. The whole
 * definitions, forms included, are forms/index.ts `programmes`, built on these.
 */
import { childAdolescentTerms } from './child-adolescent';
import { parentTerms } from './parent';
import { youthTerms } from './youth';

export const programmeTerms = [childAdolescentTerms, parentTerms, youthTerms] as const;

export type AnyProgrammeTerms = (typeof programmeTerms)[number];
export type ProgrammeId = AnyProgrammeTerms['id'];
export type ProgrammeTermsById = { [P in AnyProgrammeTerms as P['id']]: P };

export const programmeIds = programmeTerms.map((p) => p.id) as [ProgrammeId, ...ProgrammeId[]];

export const programmeTermsById = Object.fromEntries(programmeTerms.map((p) => [p.id, p])) as ProgrammeTermsById;

export function isProgrammeId(value: unknown): value is ProgrammeId {
  return typeof value === 'string' && (programmeIds as string[]).includes(value);
}

/** The terms of a programme; throws a RangeError for an id Dolbom does not offer. */
export function getProgrammeTerms(id: string): AnyProgrammeTerms {
  if (!isProgrammeId(id)) throw new RangeError(`unknown programme "${id}"`);
  return programmeTermsById[id];
}
