/** Copay (본인부담금) from the rules in the programme definition; amounts in whole KRW. */
import { householdCategoryOptions } from '../../forms/common';
import { formatNumber, type Text } from '../../forms/i18n';
import { hasIncomeTable, isWithinPercent, medianIncome } from '../../forms/median-income';
import type { DistrictCode } from '../../forms/districts';
import type { CounsellorType, YouthCopay, YouthPrice } from '../../forms/terms/youth';
import type { CopayTier, HouseholdCategory, IncomeTieredCopay, MonthlyPrice } from '../../forms/types';
import type { ApplicationDay, RuleEvaluation } from './types';

type CopayEvaluation = RuleEvaluation['copay'];

/** rate% of a price, exactly: integer arithmetic, any fraction of a won dropped in the applicant's favour. */
function copayAmount(priceKrw: number, ratePercent: number): number {
  return Number((BigInt(priceKrw) * BigInt(ratePercent)) / 100n);
}

export function monthlyPriceFor(price: MonthlyPrice, district: DistrictCode): number {
  return price.districtAmountKrw[district] ?? price.amountKrw;
}

/** No tier could be set (or the applicant is ineligible): nothing to pay is decided. */
export function noCopay(): CopayEvaluation {
  return { result: { tier: null, ratePercent: null, amountKrw: null }, reason: null };
}

function categoryNames(categories: HouseholdCategory[]): Text {
  const names = householdCategoryOptions.filter((o) => categories.includes(o.value)).map((o) => o.label);
  return { ko: names.map((n) => n.ko).join('·'), en: names.map((n) => n.en.toLowerCase()).join(', ') };
}

/**
 * Tier 1 by household category; otherwise the first income band (≤ 120%, ≤ 140% …) the income
 * fits. No tier when the income is above every band or the year has no income table.
 */
export function incomeTieredCopay(
  rules: IncomeTieredCopay,
  household: { size: number; monthlyIncome: number; category: HouseholdCategory },
  monthlyPriceKrw: number,
  on: ApplicationDay,
): CopayEvaluation {
  const priced = (tier: CopayTier, ratePercent: number, why: Text): CopayEvaluation => {
    const amount = copayAmount(monthlyPriceKrw, ratePercent);
    return {
      result: { tier, ratePercent, monthlyAmount: amount, amountKrw: amount },
      reason: {
        ko: `본인부담금 ${ratePercent}%(월 ${formatNumber(amount)}원): ${why.ko}`,
        en: `Copay ${ratePercent}% (${formatNumber(amount)} KRW a month): ${why.en}`,
      },
    };
  };
  const { byCategory } = rules;
  if (byCategory.categories.includes(household.category)) {
    return priced(byCategory.tier, byCategory.ratePercent, categoryNames(byCategory.categories));
  }
  if (!hasIncomeTable(on.year)) return noCopay();
  const median = medianIncome(on.year, household.size);
  const band = rules.byIncome.find((b) => isWithinPercent(household.monthlyIncome, b.maxIncomePercent, median));
  if (!band) return noCopay();
  return priced(band.tier, band.ratePercent, {
    ko: `가구소득이 기준 중위소득의 ${band.maxIncomePercent}% 이하`,
    en: `household income within ${band.maxIncomePercent}% of median`,
  });
}

/** Youth: the standard rate, or the leaving-care rate (0%), of the package for the counsellor type. */
export function youthCopay(
  rules: YouthCopay,
  price: YouthPrice,
  answers: { leavingCare: boolean; counsellorType: CounsellorType },
): CopayEvaluation {
  const { tier, ratePercent } = answers.leavingCare ? rules.leavingCare : rules.standard;
  const packagePrice = price.amountKrwByCounsellorType[answers.counsellorType];
  const amount = copayAmount(packagePrice, ratePercent);
  const why = answers.leavingCare
    ? { ko: '자립준비청년', en: 'leaving care' }
    : { ko: `${answers.counsellorType}형 ${price.sessions}회 패키지`, en: `type ${answers.counsellorType} ${price.sessions}-session package` };
  return {
    result: { tier, ratePercent, packageAmount: amount, amountKrw: amount },
    reason: {
      ko: `본인부담금 ${ratePercent}%(${formatNumber(amount)}원): ${why.ko}`,
      en: `Copay ${ratePercent}% (${formatNumber(amount)} KRW): ${why.en}`,
    },
  };
}

