/**
 * DOM ids of the rendered form, derived from the answer's dot path so that error links, labels,
 * `aria-describedby` and the end-to-end tests all agree: 'applicant.birthDate' → '#f-applicant-birthDate',
 * its error '#f-applicant-birthDate-error', its help '#f-applicant-birthDate-help'. A group of radios or
 * check boxes is the fieldset with that id; its inputs add '-0', '-1', … in option order.
 */
export function fieldDomId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export const errorDomId = (name: string) => `${fieldDomId(name)}-error`;
export const helpDomId = (name: string) => `${fieldDomId(name)}-help`;
