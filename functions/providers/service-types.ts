import { programmeTerms } from '../../forms/terms';
import type { ProgrammeId } from './registry';

/** Every service type of every programme, with the programme it belongs to (forms/terms/*.ts). */
export const serviceTypeProgramme: ReadonlyMap<string, ProgrammeId> = new Map(programmeTerms.flatMap((p) => p.serviceTypes.map((s) => [s.id, p.id] as const)));
