/** 아동·청소년 심리지원서비스: Seoul, age or high school, income, recent evidence of need. */
import { addMonths } from '../../../forms/dates';
import { needEvidenceKinds, type ChildAdolescentEligibilityAnswers, type ChildAdolescentDefinition } from '../../../forms/programmes/child-adolescent';
import type { ChildAdolescentEligibility } from '../../../forms/terms/child-adolescent';
import { ageInFullYears } from '../age';
import { incomeTieredCopay, monthlyPriceFor } from '../copay';
import { incomeWithin, seoulResidence } from '../criteria';
import { rankPriority } from '../priority';
import type { ApplicationDay, Criterion, RuleEvaluation } from '../types';

type Answers = ChildAdolescentEligibilityAnswers;

/**
 * A high-school student older than the age limit passes: DOMAIN §2.1 admits every enrolled student,
 * and the enrolment certificate is checked by the case manager with the other documents, as the
 * declared income is. The reason says that the certificate is needed.
 */
function childAge(child: Answers['child'], rules: ChildAdolescentEligibility, on: ApplicationDay): Criterion {
  const max = rules.maxAgeFullYears;
  const label = { ko: `만 ${max}세 이하 또는 고등학생`, en: `Aged ${max} or under, or in high school` };
  const base = { id: 'age', label, threshold: max };
  if (child.birthDate > on.date) {
    return {
      ...base,
      inputs: { birthDate: child.birthDate, ageFullYears: null, inHighSchool: child.inHighSchool },
      passed: null,
      reason: { ko: '아동 생년월일이 신청일보다 늦습니다. 확인이 필요합니다', en: "The child's birth date is after the application date and must be checked" },
    };
  }
  const age = ageInFullYears(child.birthDate, on.date);
  const inputs = { birthDate: child.birthDate, ageFullYears: age, inHighSchool: child.inHighSchool };
  if (age <= max) {
    return {
      ...base,
      inputs,
      passed: true,
      reason: { ko: `아동은 신청일 기준 만 ${age}세로 ${max}세 이하입니다`, en: `The child is ${age} on the application date, ${max} or under` },
    };
  }
  if (rules.highSchoolStudentsQualify && child.inHighSchool) {
    return {
      ...base,
      inputs,
      passed: true,
      reason: {
        ko: `아동은 만 ${age}세이지만 고등학생이므로 대상입니다. 재학증명서를 제출해야 합니다`,
        en: `The child is ${age} but in high school, so qualifies; an enrolment certificate is required`,
      },
    };
  }
  return {
    ...base,
    inputs,
    passed: false,
    reason: {
      ko: `아동은 신청일 기준 만 ${age}세로 ${max}세를 넘었고 고등학생이 아닙니다`,
      en: `The child is ${age} on the application date, over ${max}, and not in high school`,
    },
  };
}

/** Missing or out-of-date evidence does not refuse the child: a case manager asks for a new one. */
function needEvidence(evidence: Answers['needEvidence'], maxAgeMonths: number, on: ApplicationDay): Criterion {
  const label = { ko: `서비스 필요성 확인서류(${maxAgeMonths}개월 이내 발급)`, en: `Evidence of need issued within ${maxAgeMonths} months` };
  const base = { id: 'need-evidence', label, threshold: maxAgeMonths };
  if (!evidence) {
    return {
      ...base,
      inputs: { kind: null, issuedOn: null, validUntil: null },
      passed: null,
      reason: { ko: '서비스 필요성 확인서류가 없습니다. 담당자가 확인합니다', en: 'No evidence of need was given; a case manager will check' },
    };
  }
  const kind = needEvidenceKinds.find((k) => k.id === evidence.kind)?.label ?? { ko: evidence.kind, en: evidence.kind };
  const validUntil = addMonths(evidence.issuedOn, maxAgeMonths);
  const inputs = { kind: evidence.kind, issuedOn: evidence.issuedOn, validUntil };
  if (evidence.issuedOn > on.date) {
    return {
      ...base,
      inputs,
      passed: null,
      reason: { ko: `${kind.ko}: 발급일이 신청일보다 늦습니다. 확인이 필요합니다`, en: `${kind.en}: the issue date is after the application date and must be checked` },
    };
  }
  const current = on.date <= validUntil;
  return {
    ...base,
    inputs,
    passed: current ? true : null,
    reason: current
      ? { ko: `${kind.ko}: ${evidence.issuedOn} 발급, ${validUntil}까지 유효`, en: `${kind.en}: issued ${evidence.issuedOn}, valid until ${validUntil}` }
      : {
          ko: `${kind.ko}: ${evidence.issuedOn} 발급 후 ${maxAgeMonths}개월이 지났습니다. 새 서류가 필요합니다`,
          en: `${kind.en} was issued ${evidence.issuedOn}, more than ${maxAgeMonths} months ago; a new one is needed`,
        },
  };
}

export function childAdolescentRules(programme: ChildAdolescentDefinition, answers: Answers, on: ApplicationDay): RuleEvaluation {
  const { eligibility } = programme;
  return {
    criteria: [
      seoulResidence(answers.applicant.district),
      childAge(answers.child, eligibility, on),
      incomeWithin(answers.household, eligibility.maxIncomePercent, on),
      needEvidence(answers.needEvidence, eligibility.needEvidenceMaxAgeMonths, on),
    ],
    copay: incomeTieredCopay(programme.copay, answers.household, monthlyPriceFor(programme.price, answers.applicant.district), on),
    priority: rankPriority(programme.priority, answers),
  };
}
