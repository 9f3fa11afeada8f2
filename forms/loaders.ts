/**
 * Each programme's definition on its own, loaded when needed: a browser page about one programme (the
 * citizen's form) downloads that definition and not the others. Node reads `programmes` in index.ts;
 * this map is keyed by the same ids, so TypeScript asks for a loader when a programme is added there.
 */
import type { ProgrammeById, ProgrammeId } from './index';

export const programmeLoaders: { [Id in ProgrammeId]: () => Promise<ProgrammeById[Id]> } = {
  'child-adolescent': () => import('./programmes/child-adolescent').then((m) => m.childAdolescent),
  parent: () => import('./programmes/parent').then((m) => m.parent),
  youth: () => import('./programmes/youth').then((m) => m.youth),
};

export function isLoadableProgramme(id: string): id is ProgrammeId {
  return Object.hasOwn(programmeLoaders, id);
}

/** The definition of a programme, from its own module. */
export function loadProgramme(id: ProgrammeId): Promise<ProgrammeById[ProgrammeId]> {
  return programmeLoaders[id]();
}

/**
 * The definition of a stored programme id, from its own module; a RangeError for an id Dolbom does not
 * offer. For handlers that need a form only now and then (a supplement round's checklist): their
 * bundle loads that one definition when it is needed, not every form at every cold start.
 */
export function loadStoredProgramme(id: string): Promise<ProgrammeById[ProgrammeId]> {
  if (!isLoadableProgramme(id)) return Promise.reject(new RangeError(`unknown programme "${id}"`));
  return loadProgramme(id);
}
