/**
 * A family member acting for a person under the guardian age who says they are the legal guardian
 * has already given their name and phone on the first step: the guardian step shows them filled in
 * (the person only picks the relation) instead of asking them again. Answers already typed there win.
 */
import { answerAt } from '../../../forms/answers';
import type { ProgrammeForm } from '../lib/programme-form';

const MOBILE = /^010[ -]?\d{4}[ -]?\d{4}$/;

export function guardianFromSubmitter(answers: Record<string, unknown>): Record<string, unknown> | undefined {
  if (answerAt(answers, 'submitter.who') !== 'on-behalf' || answerAt(answers, 'submitter.legalGuardian') !== true) return undefined;
  if (answerAt(answers, 'guardian.name') !== undefined || answerAt(answers, 'guardian.phone') !== undefined) return undefined;
  const name = answerAt(answers, 'submitter.name');
  const phone = answerAt(answers, 'submitter.phone');
  // The guardian's number must be a mobile (the provider calls it); an office line is not carried over.
  const guardian = {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof phone === 'string' && MOBILE.test(phone.trim()) ? { phone } : {}),
  };
  return Object.keys(guardian).length ? { guardian } : undefined;
}

/** Fills the guardian step from the first step's answers, when they say the guardian is applying. */
export function reuseGuardianAnswers(form: ProgrammeForm): void {
  const filled = guardianFromSubmitter(form.answers());
  if (filled) form.fill(filled);
}
