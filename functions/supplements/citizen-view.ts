import { answerAt } from '../../forms/answers';
import { loadStoredProgramme } from '../../forms/loaders';
import type { ProgrammeDefinition } from '../../forms/types';
import type { Application } from '../applications/application';
import { requestedDocuments, requestedFields } from './checklist';
import { limitsText, MAX_UPLOAD_BYTES, uploadContentTypes, type SupplementRound } from './supplement';
import { getSupplement } from './supplement-store';

/** What the citizen is asked for while the workflow waits for them, in plain words (ids only as the page's keys). */
export async function supplementAsked(application: Application) {
  if (application.status !== 'supplement-requested' || application.supplement?.state !== 'waiting') return undefined;
  const round = await getSupplement(application.id, application.supplement.round);
  if (round?.state !== 'waiting') return undefined;
  // Only a waiting round needs the form's sections and documents: loaded then (forms/loaders.ts).
  return citizenSupplementView(await loadStoredProgramme(application.programme), round, application.answers);
}

export function citizenSupplementView(programme: Pick<ProgrammeDefinition, 'sections' | 'documents'>, round: SupplementRound, answers: unknown) {
  return {
    round: round.round,
    dueAt: round.dueAt,
    message: round.request.message,
    documents: requestedDocuments(programme, round.request.documents).map((d) => ({ id: d.id, label: d.label, ...(d.when ? { when: d.when } : {}) })),
    // The answer as it stands, so the citizen corrects it rather than types it again.
    fields: requestedFields(programme, round.request.fields).map((f) => ({
      name: f.name,
      label: f.label,
      // The status page's correction form (web/src/status/supplement-section.ts) shows a yes/no answer
      // as one box: until it draws 예/아니오 buttons of its own, a 'yesno' question reaches it as that.
      input: f.input === 'yesno' ? 'checkbox' : f.input,
      ...(f.help ? { help: f.help } : {}),
      ...(f.options ? { options: f.options } : {}),
      current: answerAt(answers, f.name) ?? null,
    })),
    limits: { maxBytes: MAX_UPLOAD_BYTES, contentTypes: uploadContentTypes, text: limitsText },
  };
}
export type CitizenSupplement = ReturnType<typeof citizenSupplementView>;
