/**
 * 부모심리지원서비스: the applicant qualifies on the one basis they chose (DOMAIN §2.2); the basis's
 * rule in the definition says which criteria apply.
 */
import { childRelationOptions, type ParentEligibilityAnswers, type ParentDefinition } from '../../../forms/programmes/parent';
import type { ParentBasisRule } from '../../../forms/terms/parent';
import { formatNumber } from '../../../forms/i18n';
import { hasIncomeTable } from '../../../forms/median-income';
import type { IncomeTieredCopay } from '../../../forms/types';
import { ageInFullYears } from '../age';
import { incomeTieredCopay, monthlyPriceFor } from '../copay';
import { guardianGiven, incomeWithin, seoulResidence } from '../criteria';
import { rankPriority } from '../priority';
import type { ApplicationDay, Criterion, RuleEvaluation } from '../types';

type Answers = ParentEligibilityAnswers;

function relationNames(relations: readonly string[]) {
  const names = childRelationOptions.filter((o) => relations.includes(o.value)).map((o) => o.label);
  return { ko: names.map((n) => n.ko).join('·'), en: names.map((n) => n.en.toLowerCase()).join(' or ') };
}

/** At least one listed child of the basis's relations, within the age limit (and with a service need if asked). */
function qualifyingChild(children: Answers['children'], wanted: NonNullable<ParentBasisRule['child']>, maxAge: number, on: ApplicationDay): Criterion {
  const who = relationNames(wanted.relations);
  const need = wanted.needsServiceNeed ? { ko: '서비스 욕구가 있는 ', en: ' who needs support' } : { ko: '', en: '' };
  const label = { ko: `${need.ko}만 ${maxAge}세 이하 아동(${who.ko})`, en: `Child aged ${maxAge} or under${need.en} (${who.en})` };
  const ofRelation = children.filter((c) => (wanted.relations as string[]).includes(c.relation));
  const unborn = ofRelation.filter((c) => c.birthDate > on.date);
  const qualifying = ofRelation.filter(
    (c) => c.birthDate <= on.date && ageInFullYears(c.birthDate, on.date) <= maxAge && (!wanted.needsServiceNeed || c.hasServiceNeed),
  );
  const inputs = { childrenListed: children.length, childrenOfRelation: ofRelation.length, qualifyingChildren: qualifying.length };
  const base = { id: 'qualifying-child', label, inputs, threshold: maxAge };
  if (qualifying.length > 0) {
    return {
      ...base,
      passed: true,
      reason: { ko: `조건에 맞는 아동이 ${qualifying.length}명 있습니다`, en: `${qualifying.length} listed child(ren) meet this` },
    };
  }
  if (unborn.length > 0) {
    return {
      ...base,
      passed: null,
      reason: { ko: '아동 생년월일이 신청일보다 늦습니다. 확인이 필요합니다', en: "A child's birth date is after the application date and must be checked" },
    };
  }
  return {
    ...base,
    passed: false,
    reason: { ko: `${label.ko}이 없습니다`, en: `No listed child fits: ${who.en}, aged ${maxAge} or under${need.en}` },
  };
}

function kinship(degree: number | undefined, max: number): Criterion {
  const label = { ko: `${max}촌 이내 혈족`, en: `Blood relative within ${max} degrees (촌)` };
  const base = { id: 'kinship', label, inputs: { kinshipDegree: degree ?? null }, threshold: max };
  if (degree === undefined) {
    return { ...base, passed: null, reason: { ko: '아동과의 촌수가 없습니다. 확인이 필요합니다', en: 'The degree of kinship is missing and must be checked' } };
  }
  const passed = degree <= max;
  return {
    ...base,
    passed,
    reason: passed
      ? { ko: `아동과 ${degree}촌입니다`, en: `Related to the child in the ${degree} degree` }
      : { ko: `아동과 ${degree}촌으로 ${max}촌을 넘습니다`, en: `Related in the ${degree} degree, beyond ${max}` },
  };
}

function primaryCaregiver(answer: boolean | undefined): Criterion {
  const label = { ko: '주 양육자', en: 'Primary caregiver' };
  const base = { id: 'primary-caregiver', label, inputs: { primaryCaregiver: answer ?? null } };
  if (answer === undefined) {
    return { ...base, passed: null, reason: { ko: '주 양육자인지 확인이 필요합니다', en: 'Whether the applicant is the primary caregiver must be checked' } };
  }
  return {
    ...base,
    passed: answer,
    reason: answer
      ? { ko: '아동의 주 양육자입니다', en: "The applicant is the child's primary caregiver" }
      : { ko: '아동의 주 양육자가 아닙니다', en: "The applicant is not the child's primary caregiver" },
  };
}

/** The facility work is declared here and proven by the employment certificate, as income is. */
function childWelfareFacility(name: string | undefined): Criterion {
  const label = { ko: '아동복지시설에서 아동 보호', en: 'Cares for children in a child welfare facility' };
  const base = { id: 'child-welfare-facility', label, inputs: { facilityName: name ?? null } };
  if (name === undefined) {
    return { ...base, passed: null, reason: { ko: '시설 이름이 없습니다. 확인이 필요합니다', en: 'The facility name is missing and must be checked' } };
  }
  return {
    ...base,
    passed: true,
    reason: { ko: `${name}에서 아동을 보호합니다(재직증명서로 확인)`, en: `Cares for children at ${name} (checked against the employment certificate)` },
  };
}

/**
 * Bases without an income test may have an income above every copay band; the sources give no rate
 * for that, so a case manager sets it rather than the engine guessing.
 */
function copayBand(copay: IncomeTieredCopay, tierFound: boolean, household: Answers['household'], on: ApplicationDay): Criterion {
  const top = Math.max(...copay.byIncome.map((b) => b.maxIncomePercent));
  const label = { ko: '본인부담금 구간', en: 'Copay band' };
  const base = {
    id: 'copay-band',
    label,
    inputs: { category: household.category, monthlyIncome: household.monthlyIncome, householdSize: household.size },
    threshold: top,
  };
  if (tierFound) {
    return { ...base, passed: true, reason: { ko: '본인부담금 구간이 정해졌습니다', en: 'A copay band applies' } };
  }
  return {
    ...base,
    passed: null,
    reason: hasIncomeTable(on.year)
      ? {
          ko: `월 소득 ${formatNumber(household.monthlyIncome)}원이 본인부담 구간(기준 중위소득 ${top}% 이하)을 넘어 담당자가 본인부담금을 정합니다`,
          en: `Monthly income ${formatNumber(household.monthlyIncome)} KRW is above every copay band (up to ${top}% of median); a case manager sets the copay`,
        }
      : {
          ko: `${on.year}년 기준 중위소득표가 없어 담당자가 본인부담금을 정합니다`,
          en: `There is no ${on.year} median-income table; a case manager sets the copay`,
        },
  };
}

export function parentRules(programme: ParentDefinition, answers: Answers, on: ApplicationDay): RuleEvaluation {
  const { eligibility, consents } = programme;
  const rule = eligibility.bases[answers.basis];
  const copay = incomeTieredCopay(programme.copay, answers.household, monthlyPriceFor(programme.price, answers.applicant.district), on);
  const criteria: Criterion[] = [seoulResidence(answers.applicant.district)];
  if (consents.guardianRequiredUnderAge !== undefined) {
    criteria.push(guardianGiven(answers.applicant.birthDate, answers.guardian !== undefined, consents.guardianRequiredUnderAge, on));
  }
  if (rule.incomeTest) criteria.push(incomeWithin(answers.household, eligibility.maxIncomePercent, on));
  if (rule.child) criteria.push(qualifyingChild(answers.children, rule.child, eligibility.maxChildAgeFullYears, on));
  if (rule.maxKinshipDegree !== undefined) criteria.push(kinship(answers.kinshipDegree, rule.maxKinshipDegree));
  if (rule.mustBePrimaryCaregiver) criteria.push(primaryCaregiver(answers.primaryCaregiver));
  if (rule.inChildWelfareFacility) criteria.push(childWelfareFacility(answers.facilityName));
  if (!rule.incomeTest) criteria.push(copayBand(programme.copay, copay.result.tier !== null, answers.household, on));
  return { criteria, copay, priority: rankPriority(programme.priority, answers) };
}
