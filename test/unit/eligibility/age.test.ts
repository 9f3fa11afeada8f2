import { describe, expect, it } from 'vitest';
import { addMonths, seoulIsoDate } from '../../../forms/dates';
import { ageByBirthYear, ageInFullYears } from '../../../functions/eligibility/age';

describe('ageInFullYears (만 나이)', () => {
  it('gains a year on the birthday, not the day before', () => {
    expect(ageInFullYears('2007-03-15', '2026-03-14')).toBe(18);
    expect(ageInFullYears('2007-03-15', '2026-03-15')).toBe(19);
    expect(ageInFullYears('2026-03-15', '2026-03-15')).toBe(0);
  });

  it('gains the year of a 29 February birthday on 1 March in common years, on 29 February in leap years', () => {
    expect(ageInFullYears('2008-02-29', '2027-02-28')).toBe(18);
    expect(ageInFullYears('2008-02-29', '2027-03-01')).toBe(19);
    expect(ageInFullYears('2008-02-29', '2028-02-29')).toBe(20);
  });
});

describe('ageByBirthYear (연 나이)', () => {
  it('ignores the birthday', () => {
    expect(ageByBirthYear('2007-12-31', '2026-01-01')).toBe(19);
    expect(ageByBirthYear('1992-01-01', '2026-12-31')).toBe(34);
  });
});

describe('seoulIsoDate', () => {
  it('reads the calendar day in Seoul (UTC+9)', () => {
    expect(seoulIsoDate(new Date('2026-03-14T14:59:59Z'))).toBe('2026-03-14');
    expect(seoulIsoDate(new Date('2026-03-14T15:00:00Z'))).toBe('2026-03-15');
  });
});

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-01-20', 6)).toBe('2026-07-20');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
