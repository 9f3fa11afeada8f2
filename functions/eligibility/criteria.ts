/** Criteria shared by several programmes. Each reads its numbers from the programme definition. */
import { districtName, type DistrictCode } from '../../forms/districts';
import { formatNumber } from '../../forms/i18n';
import { ageInFullYears } from './age';
import { hasIncomeTable, incomeLimit, isWithinPercent, medianIncome } from '../../forms/median-income';
import type { ApplicationDay, Criterion } from './types';

/**
 * The answers schema admits only Seoul's district codes, so this always holds once answers parse; it
 * is listed so the decision records which district's case managers handle the application.
 */
export function seoulResidence(district: DistrictCode): Criterion {
  const name = districtName(district);
  return {
    id: 'seoul-residence',
    label: { ko: '서울시 거주', en: 'Lives in Seoul' },
    inputs: { district },
    passed: true,
    reason: { ko: `서울시 ${name.ko}에 거주합니다`, en: `Lives in ${name.en}, Seoul` },
  };
}

interface Household {
  size: number;
  monthlyIncome: number;
}

/**
 * Income within `maxPercent`% of the median for the household size, in the table of the application
 * year. Without that year's table a case manager must decide: the criterion is left open, not failed.
 */
export function incomeWithin(household: Household, maxPercent: number, on: ApplicationDay): Criterion {
  const label = { ko: `가구소득 기준 중위소득 ${maxPercent}% 이하`, en: `Household income at most ${maxPercent}% of median` };
  const base = { monthlyIncome: household.monthlyIncome, householdSize: household.size, incomeTableYear: on.year };
  if (!hasIncomeTable(on.year)) {
    return {
      id: 'income',
      label,
      inputs: { ...base, medianIncome: null },
      threshold: null,
      passed: null,
      reason: {
        ko: `${on.year}년 기준 중위소득표가 없어 담당자가 소득을 판단해야 합니다`,
        en: `There is no ${on.year} median-income table, so a case manager must judge the income`,
      },
    };
  }
  const median = medianIncome(on.year, household.size);
  const limit = incomeLimit(maxPercent, median);
  const passed = isWithinPercent(household.monthlyIncome, maxPercent, median);
  const income = formatNumber(household.monthlyIncome);
  const size = household.size;
  return {
    id: 'income',
    label,
    inputs: { ...base, medianIncome: median },
    threshold: limit,
    passed,
    reason: passed
      ? {
          ko: `월 소득 ${income}원은 ${size}인 가구 기준 중위소득의 ${maxPercent}%(${formatNumber(limit)}원) 이하입니다`,
          en: `Monthly income ${income} KRW is within ${maxPercent}% of the median for ${size} person(s) (${formatNumber(limit)} KRW)`,
        }
      : {
          ko: `월 소득 ${income}원이 ${size}인 가구 기준 중위소득의 ${maxPercent}%(${formatNumber(limit)}원)를 넘습니다`,
          en: `Monthly income ${income} KRW exceeds ${maxPercent}% of the median for ${size} person(s) (${formatNumber(limit)} KRW)`,
        },
  };
}

/** Under the consent age a legal guardian must apply; a missing guardian is for a case manager to follow up. */
export function guardianGiven(birthDate: string, hasGuardian: boolean, underAge: number, on: ApplicationDay): Criterion {
  const label = { ko: `만 ${underAge}세 미만은 법정대리인 신청`, en: `A guardian applies for anyone under ${underAge}` };
  const age = birthDate > on.date ? null : ageInFullYears(birthDate, on.date);
  const inputs = { birthDate, ageFullYears: age, guardianGiven: hasGuardian };
  if (age === null) {
    return {
      id: 'guardian',
      label,
      inputs,
      threshold: underAge,
      passed: null,
      reason: { ko: '생년월일이 신청일보다 늦습니다. 생년월일을 확인해야 합니다', en: 'The birth date is after the application date and must be checked' },
    };
  }
  const passed = age >= underAge || hasGuardian;
  return {
    id: 'guardian',
    label,
    inputs,
    threshold: underAge,
    passed: passed ? true : null,
    reason: passed
      ? age >= underAge
        ? { ko: `신청인이 만 ${age}세로 직접 신청할 수 있습니다`, en: `The applicant is ${age} and may apply themselves` }
        : { ko: `신청인이 만 ${age}세이며 법정대리인 정보가 있습니다`, en: `The applicant is ${age} and a guardian is named` }
      : {
          ko: `신청인이 만 ${age}세로 법정대리인이 필요하지만 입력되지 않았습니다. 담당자가 연락합니다`,
          en: `The applicant is ${age} and needs a guardian, but none is named; a case manager will follow up`,
        },
  };
}
