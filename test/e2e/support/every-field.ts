/**
 * A person who fills in every field the citizen form shows, for each programme (and, for the parent
 * programme, each basis with conditional fields): shared by the browser test and the pre-check drill.
 */
import type { Page } from 'playwright-core';
import type { AnyProgramme } from '../../../forms';
import { fillSteps } from './application-steps';

/**
 * Every field a person can fill in, by answer path: personal details with values the pre-check must
 * never carry, and the rest with valid answers. A case adds its own (birth dates that agree with the
 * registration number, the basis that shows its conditional fields).
 */
const typed: Record<string, string> = {
  'applicant.name': '김돌봄',
  'applicant.phone': '010 1234 5678',
  'applicant.email': 'dolbom.person@example.kr',
  'applicant.address': '서울특별시 마포구 월드컵북로 212',
  'child.name': '김아동',
  'guardian.name': '박보호',
  'guardian.phone': '010-2222-3333',
  'household.size': '4',
  'household.monthlyIncome': '5,200,000',
  kinshipDegree: '2',
  facilityName: '햇살아동센터',
  'needEvidence.issuedOn': '2026-01-20',
  'children.0.birthDate': '2016-09-30',
};

/** What identifies or reaches a person, as typed and as the server would store it. */
export function personalValues(programme: AnyProgramme): string[] {
  const rrn = everyFieldCases.find((c) => c.programme === programme.id)?.values.rrn;
  return [
    typed['applicant.name']!,
    typed['applicant.phone']!,
    '010-1234-5678',
    typed['applicant.email']!,
    typed['applicant.address']!,
    typed['child.name']!,
    typed['guardian.name']!,
    typed['guardian.phone']!,
    '01022223333',
    ...(rrn ? [rrn, rrn.replace('-', ''), rrn.slice(7)] : []),
  ];
}

export interface FilledCase {
  title: string;
  programme: AnyProgramme['id'];
  /** Typed values and chosen options of this case, over `typed` and the first option of each choice. */
  values: Record<string, string>;
}

export const everyFieldCases: FilledCase[] = [
  {
    title: 'child-adolescent',
    programme: 'child-adolescent',
    values: { 'applicant.birthDate': '1984-07-21', 'child.birthDate': '2015-03-10', rrn: '150310-3123456' },
  },
  ...(['relative-carer', 'facility-carer'] as const).map((basis) => ({
    title: `parent (${basis})`,
    programme: 'parent' as const,
    values: { 'applicant.birthDate': '1984-07-21', rrn: '840721-2123456', basis },
  })),
  { title: 'youth', programme: 'youth', values: { 'applicant.birthDate': '1998-04-02' } },
];

/**
 * Fills in every field the form shows, step by step, so a choice shows its conditional fields first:
 * every option of a multi-choice, 예 to every yes/no question, every box ticked (the consents on the
 * check-your-answers page). With `until`, stops on that step once it is filled in.
 */
export async function fillEveryField(page: Page, programme: AnyProgramme, filled: FilledCase, options: { until?: string } = {}): Promise<void> {
  const yes = Object.fromEntries(programme.sections.flatMap((s) => s.fields).filter((f) => f.input === 'yesno').map((f) => [f.name.replace('*', '0'), 'true']));
  await fillSteps(page, programme, { values: { ...yes, ...typed, ...filled.values } }, options);
}
