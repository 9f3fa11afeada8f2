import { describe, expect, it } from 'vitest';
import { getProgramme, programmes } from '../../../forms';
import { schemaPaths } from '../../../forms/schema-paths';
import { formSteps, precheckStepId, progressText, REVIEW, stepIndex } from '../../../web/src/citizen/steps';

describe('formSteps', () => {
  it.each(programmes.map((p) => [p.id, p] as const))('%s: one step per section, then the check-your-answers page with the consents', (_id, programme) => {
    const steps = formSteps(programme);
    const questions = programme.sections.filter((s) => s.id !== 'consent');
    expect(steps.map((s) => s.id)).toEqual([...questions.map((s) => s.id), REVIEW]);
    expect(steps.at(-1)!.sections.map((s) => s.id)).toEqual(['consent']);
    // Every section is on exactly one step.
    expect(steps.flatMap((s) => s.sections).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...programme.sections].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('says where the person is, in both languages', () => {
    const steps = formSteps(getProgramme('child-adolescent'));
    expect(progressText(steps, 0)).toEqual({ ko: '1/7 단계: 신청하는 분', en: 'Step 1 of 7: Who is applying' });
    expect(progressText(steps, 3)).toEqual({ ko: '4/7 단계: 가구 정보', en: 'Step 4 of 7: Household' });
    expect(progressText(steps, 6)).toEqual({ ko: '7/7 단계: 입력 내용 확인 및 제출', en: 'Step 7 of 7: Check your answers and apply' });
  });

  it('opens the step the address names, and the first for any other name', () => {
    const steps = formSteps(getProgramme('youth'));
    expect(stepIndex(steps, 'service')).toBe(3);
    expect(stepIndex(steps, REVIEW)).toBe(steps.length - 1);
    expect(stepIndex(steps, 'nonsense')).toBe(0);
    expect(stepIndex(steps, null)).toBe(0);
  });
});

describe('precheckStepId', () => {
  it.each([
    ['child-adolescent', 'service'],
    ['parent', 'wellbeing'],
    ['youth', 'service'],
  ])('%s: offers the pre-check after the last step asking what the rules read (%s)', (id, expected) => {
    const programme = getProgramme(id);
    const steps = formSteps(programme);
    const at = precheckStepId(steps, schemaPaths(programme.eligibilitySchema));
    expect(at).toBe(expected);
    // No later question step asks anything the rules read.
    const later = steps.slice(stepIndex(steps, at) + 1).filter((s) => s.id !== REVIEW);
    const read = schemaPaths(programme.eligibilitySchema);
    for (const step of later) for (const field of step.sections.flatMap((s) => s.fields)) expect(read.some((p) => field.name === p || field.name.startsWith(`${p}.`)), field.name).toBe(false);
  });
});
