/**
 * Calendar dates as 'YYYY-MM-DD' strings. Such strings sort like the dates they name, and they
 * carry no time zone, which is what birth dates and certificate issue dates are.
 */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Korea has kept UTC+9 without daylight saving since 1988. */
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toIso({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses 'YYYY-MM-DD', returning null unless it names a real calendar day (no 2026-02-30). */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function mustParse(value: string): CalendarDate {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`not a calendar date: ${value}`);
  return date;
}

/** The calendar day in Seoul at an instant: an application sent at 23:30 KST belongs to that day. */
export function seoulIsoDate(instant: Date): string {
  const shifted = new Date(instant.getTime() + SEOUL_OFFSET_MS);
  return toIso({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

export function yearOf(isoDate: string): number {
  return mustParse(isoDate).year;
}

/**
 * Age in full years (만 나이) on a day. A person gains a year on their birthday; someone born on
 * 29 February gains it on 1 March in common years (민법 제160조: a period ending on a missing day ends
 * on the last day of that month, so the new year of age starts the day after).
 */
export function ageInFullYears(birthDate: string, on: string): number {
  const birth = mustParse(birthDate);
  const day = mustParse(on);
  const beforeBirthday = day.month < birth.month || (day.month === birth.month && day.day < birth.day);
  return day.year - birth.year - (beforeBirthday ? 1 : 0);
}

/** The same day `months` later; a day missing in the target month becomes that month's last day. */
export function addMonths(isoDate: string, months: number): string {
  const date = mustParse(isoDate);
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return toIso({ year, month, day: Math.min(date.day, daysInMonth(year, month)) });
}
