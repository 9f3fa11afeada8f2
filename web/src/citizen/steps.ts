/**
 * The citizen's form in steps: one step per section of the programme's form, then the
 * check-your-answers page, which also asks the consents and sends the application. Pure data, so the
 * page and the tests read the same model.
 */
import type { FormSection, ProgrammeDefinition } from '../../../forms/types';
import type { Text } from '../../../forms/i18n';

/** The id of the check-your-answers step in the address (`?programme=youth&step=review`). */
export const REVIEW = 'review';

export interface Step {
  id: string;
  title: Text;
  sections: FormSection[];
}

const reviewTitle: Text = { ko: '입력 내용 확인 및 제출', en: 'Check your answers and apply' };

/** Consents are given to the whole application, so they are asked once every answer has been seen. */
const isConsent = (section: FormSection) => section.fields.length > 0 && section.fields.every((f) => f.name.startsWith('consent.'));

export function formSteps(programme: Pick<ProgrammeDefinition, 'sections'>): Step[] {
  const questions = programme.sections.filter((s) => !isConsent(s));
  return [...questions.map((s) => ({ id: s.id, title: s.title, sections: [s] })), { id: REVIEW, title: reviewTitle, sections: programme.sections.filter(isConsent) }];
}

/** The step named in the address; the first for a name it does not know. */
export function stepIndex(steps: Step[], id: string | null | undefined): number {
  return Math.max(0, steps.findIndex((s) => s.id === id));
}

/** "3/6 단계: 가구 정보" */
export function progressText(steps: Step[], index: number): Text {
  const step = steps[index] ?? steps[0]!;
  const [n, total] = [index + 1, steps.length];
  return { ko: `${n}/${total} 단계: ${step.title.ko}`, en: `Step ${n} of ${total}: ${step.title.en}` };
}

/**
 * Where the pre-check is offered: right after the last question step that asks something the
 * eligibility rules read (`readPaths`, from the programme's `eligibilitySchema`), since the pre-check
 * needs all of them. A field counts when it is such a path or lies under one ('guardian' → 'guardian.name').
 */
export function precheckStepId(steps: Step[], readPaths: string[]): string | undefined {
  const reads = (name: string) => readPaths.some((path) => name === path || name.startsWith(`${path}.`));
  return steps.filter((step) => step.id !== REVIEW && step.sections.some((s) => s.fields.some((f) => reads(f.name)))).at(-1)?.id;
}
