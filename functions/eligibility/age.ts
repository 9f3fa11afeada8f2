import { yearOf } from '../../forms/dates';

/** Age in full years (만 나이) on a day, both 'YYYY-MM-DD'. Shared with the forms' guardian rule. */
export { ageInFullYears } from '../../forms/dates';

/** Age counted by birth year (연 나이): the year of `on` minus the birth year, birthdays ignored. */
export function ageByBirthYear(birthDate: string, on: string): number {
  return yearOf(on) - yearOf(birthDate);
}
