/**
 * A person going through the citizen's form in steps: one definition of how each kind of field is
 * answered and how a step is left, shared by every browser test and drill that fills in a form.
 */
import type { Page } from 'playwright-core';
import type { AnyProgramme, FieldDef } from '../../../forms';
import { fieldDomId } from '../../../web/src/lib/field-ids';
import { schemaPaths } from '../../../forms/schema-paths';
import { formSteps, precheckStepId, REVIEW, type Step } from '../../../web/src/citizen/steps';

export { formSteps, REVIEW };

/** The step that offers the pre-check. */
export function precheckStep(programme: AnyProgramme): string {
  return precheckStepId(formSteps(programme), schemaPaths(programme.eligibilitySchema))!;
}

/** Waits until the page shows the step (the form says which) and the address names it (`&step=`). */
export async function onStep(page: Page, stepId: string): Promise<void> {
  await page.locator(`#application-form[data-step="${stepId}"]`).waitFor();
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('step') === id, stepId);
}

export async function openForm(page: Page, baseUrl: string, programme: AnyProgramme, step?: string): Promise<void> {
  await page.goto(`${baseUrl}/?programme=${programme.id}${step ? `&step=${step}` : ''}`);
  await page.locator('#application-form').waitFor();
  await onStep(page, step ?? formSteps(programme)[0]!.id);
}

/** Leaves a question step with its "다음" button and waits for the next one. */
export async function next(page: Page, programme: AnyProgramme): Promise<void> {
  const steps = formSteps(programme);
  const current = new URL(page.url()).searchParams.get('step');
  const index = steps.findIndex((s) => s.id === current);
  await page.click('#step-next');
  await onStep(page, steps[index + 1]!.id);
}

/** Answers one field: types, chooses the option named by `value` (every option of a multi-choice), 예/아니오 by 'true'/'false', ticks a box. */
export async function answer(page: Page, field: FieldDef, name: string, value: string | undefined): Promise<void> {
  const id = `#${fieldDomId(name)}`;
  if (field.input === 'checkbox' && field.options) {
    for (const option of field.options) await page.check(`${id} input[value="${option.value}"]`);
  } else if (field.input === 'checkbox') await page.check(id);
  else if (field.input === 'radio' || field.input === 'yesno') await page.check(`${id} input[value="${value ?? (field.input === 'yesno' ? 'false' : field.options?.[0]?.value)}"]`);
  else if (field.input === 'select') await page.selectOption(id, value ?? field.options![0]!.value);
  else if (value === undefined) throw new Error(`no value to type in ${name}`);
  else await page.fill(id, value);
}

export interface Answers {
  /** Typed values and chosen options by answer path ('children.0.birthDate'); a field left out gets its first option, or 아니오. */
  values: Record<string, string>;
  /** Fields to leave alone (optional ones), by answer path. */
  skip?: string[];
  /** Items of each repeated section to add (one by default). */
  items?: Record<string, number>;
}

/** Fills in the fields of one step that the page shows, in order, so a choice shows its conditional fields first. */
export async function fillStep(page: Page, step: Step, answers: Answers): Promise<void> {
  for (const section of step.sections) {
    const count = section.repeat ? (answers.items?.[section.repeat.path] ?? 1) : 1;
    for (let item = 0; item < count; item++) {
      if (section.repeat) await page.click(`#add-${section.id}`);
      for (const field of section.fields) {
        const name = field.name.replace('*', String(item));
        if (answers.skip?.includes(name)) continue;
        if (!(await page.locator(`#${fieldDomId(name)}`).first().isVisible())) continue;
        await answer(page, field, name, answers.values[name]);
      }
    }
  }
}

/**
 * From the current step, fills in each step and goes on, until the step `until` is filled in (and
 * not left) or the check-your-answers page is reached (where the consents are ticked when `consent`).
 */
export async function fillSteps(page: Page, programme: AnyProgramme, answers: Answers, options: { until?: string; consent?: boolean } = {}): Promise<void> {
  const steps = formSteps(programme);
  const current = new URL(page.url()).searchParams.get('step');
  for (const step of steps.slice(Math.max(0, steps.findIndex((s) => s.id === current)))) {
    if (step.id === REVIEW) {
      if (options.consent !== false) await fillStep(page, step, answers);
      return;
    }
    await fillStep(page, step, answers);
    if (step.id === options.until) return;
    await next(page, programme);
  }
}

/** Ticks the consents on the check-your-answers page and sends the application. */
export async function consentAndSubmit(page: Page): Promise<void> {
  await page.check(`#${fieldDomId('consent.general.agreed')}`);
  await page.check(`#${fieldDomId('consent.sensitive.agreed')}`);
  await page.click('#submit-application');
}
