/** 청년마음건강지원사업: Seoul, age by birth year, not with another youth counselling programme. */
import type { YouthEligibilityAnswers, YouthDefinition } from '../../../forms/programmes/youth';
import type { YouthEligibility } from '../../../forms/terms/youth';
import { yearOf } from '../../../forms/dates';
import { ageByBirthYear } from '../age';
import { youthCopay } from '../copay';
import { seoulResidence } from '../criteria';
import { rankPriority } from '../priority';
import type { ApplicationDay, Criterion, RuleEvaluation } from '../types';

type Answers = YouthEligibilityAnswers;

function ageByYear(birthDate: string, rules: YouthEligibility, on: ApplicationDay): Criterion {
  const { minAgeByBirthYear: min, maxAgeByBirthYear: max } = rules;
  const age = ageByBirthYear(birthDate, on.date);
  const passed = age >= min && age <= max;
  return {
    id: 'age',
    label: { ko: `출생연도 기준 ${min}~${max}세`, en: `Aged ${min}–${max} by birth year` },
    inputs: { birthDate, birthYear: yearOf(birthDate), applicationYear: on.year, ageByBirthYear: age },
    threshold: `${min}–${max}`,
    passed,
    reason: passed
      ? { ko: `${on.year}년 기준 ${age}세(출생연도 기준)로 대상입니다`, en: `Aged ${age} by birth year in ${on.year}, within ${min}–${max}` }
      : { ko: `${on.year}년 기준 ${age}세(출생연도 기준)로 ${min}~${max}세가 아닙니다`, en: `Aged ${age} by birth year in ${on.year}, outside ${min}–${max}` },
  };
}

function noOtherYouthCounselling(usesOther: boolean): Criterion {
  return {
    id: 'no-other-youth-counselling',
    label: { ko: '다른 청년 상담 사업과 중복 이용 아님', en: 'Not using another youth counselling programme' },
    inputs: { otherYouthCounselling: usesOther },
    passed: !usesOther,
    reason: usesOther
      ? {
          ko: '다른 지자체 청년 상담 사업을 이용 중이어서 함께 이용할 수 없습니다',
          en: "Already using another local-government youth counselling programme, which can't be combined",
        }
      : { ko: '다른 청년 상담 사업을 이용하고 있지 않습니다', en: 'Not using another youth counselling programme' },
  };
}

export function youthRules(programme: YouthDefinition, answers: Answers, on: ApplicationDay): RuleEvaluation {
  const { eligibility } = programme;
  const criteria = [seoulResidence(answers.applicant.district), ageByYear(answers.applicant.birthDate, eligibility, on)];
  if (eligibility.excludesOtherYouthCounselling) criteria.push(noOtherYouthCounselling(answers.otherYouthCounselling));
  return {
    criteria,
    copay: youthCopay(programme.copay, programme.price, answers),
    priority: rankPriority(programme.priority, answers),
  };
}
