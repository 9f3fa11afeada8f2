/**
 * Drafts of an application, kept in this browser (localStorage, one per programme) so a reload, a
 * closed tab or a flat battery loses nothing. A draft never holds what must not sit on a shared
 * device: the resident registration number, health information (the fields the definition marks
 * `sensitive`) and the consents, which are given when the application is sent.
 */
import { answerAt } from '../../../forms/answers';
import type { FieldDef, ProgrammeDefinition } from '../../../forms/types';

export interface Draft {
  programme: string;
  /** When it was last saved (ISO). */
  savedAt: string;
  /** The step the person was on. */
  step: string;
  answers: Record<string, unknown>;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
type Programme = Pick<ProgrammeDefinition, 'id' | 'sections'>;

export const draftKey = (programmeId: string) => `dolbom.draft.${programmeId}`;

/** Whether an answer may be kept on this device between visits. */
export function keptInDraft(field: FieldDef): boolean {
  return field.input !== 'rrn' && !field.sensitive && !field.name.startsWith('consent.');
}

/** Sets a value at a dot path, making a list where the next key is an index ('children.0.birthDate'). */
function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((key, i) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys.at(-1)!] = value;
}

/**
 * The answers a draft keeps: the fields the definition names and may be kept, copied one by one (an
 * allow-list, so nothing the form did not ask for slips in); every item of a repeated section.
 */
export function draftAnswers(programme: Programme, answers: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const section of programme.sections) {
    if (section.repeat) {
      const items = answerAt(answers, section.repeat.path);
      if (!Array.isArray(items)) continue;
      setAt(kept, section.repeat.path, items.map(() => ({})));
    }
    for (const field of section.fields.filter(keptInDraft)) {
      const [list, rest] = field.name.split('.*.');
      const paths = rest === undefined ? [field.name] : ((answerAt(answers, list!) as unknown[] | undefined) ?? []).map((_, i) => `${list}.${i}.${rest}`);
      for (const path of paths) {
        const value = answerAt(answers, path);
        if (value !== undefined && value !== '') setAt(kept, path, value);
      }
    }
  }
  return kept;
}

/** Saves the draft; storage may be full or blocked (private browsing), and then there is no draft. */
export function saveDraft(storage: DraftStorage | undefined, programme: Programme, step: string, answers: Record<string, unknown>, now = new Date()): Draft | undefined {
  const draft: Draft = { programme: programme.id, savedAt: now.toISOString(), step, answers: draftAnswers(programme, answers) };
  try {
    storage?.setItem(draftKey(programme.id), JSON.stringify(draft));
    return storage ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function loadDraft(storage: DraftStorage | undefined, programme: Programme): Draft | undefined {
  try {
    const raw = storage?.getItem(draftKey(programme.id));
    const draft = raw ? (JSON.parse(raw) as Partial<Draft>) : undefined;
    if (draft?.programme !== programme.id || typeof draft.savedAt !== 'string' || typeof draft.step !== 'string') return undefined;
    if (typeof draft.answers !== 'object' || draft.answers === null) return undefined;
    // Read back through the same allow-list: a draft written by an older page keeps only what may be kept.
    return { ...(draft as Draft), answers: draftAnswers(programme, draft.answers) };
  } catch {
    return undefined;
  }
}

export function clearDraft(storage: DraftStorage | undefined, programme: Pick<ProgrammeDefinition, 'id'>): void {
  try {
    storage?.removeItem(draftKey(programme.id));
  } catch {
    /* nothing was kept */
  }
}

/** The browser's storage, or none where it is blocked. */
export function browserStorage(): DraftStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
