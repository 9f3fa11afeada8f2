/**
 * 청년마음건강지원사업's form — DOMAIN.md §2.3, its terms in forms/terms/youth.ts. No income test, so
 * no household income is asked (개인정보 보호법 제16조: collect only what the purpose needs), and no
 * resident registration number.
 */
import * as z from 'zod/mini';
import {
  applicantFields,
  applicantSchema,
  choice,
  choices,
  consentSchema,
  consentSection,
  datesNotAfter,
  idsOf,
  labels,
  preferencesSchema,
  preferencesSection,
  yesNo,
} from '../common';
import { seoulIsoDate } from '../dates';
import { submitterSchema, submitterSection } from '../submitter';
import type { Text } from '../i18n';
import type { Consents, ProgrammeDefinition } from '../types';
import { counsellorTypes, youthTerms, type YouthCopay, type YouthEligibility, type YouthPrice } from '../terms/youth';

const { eligibility } = youthTerms;

export const youthConcerns = [
  { id: 'depression', label: { ko: '우울', en: 'Depression' } },
  { id: 'anxiety', label: { ko: '불안', en: 'Anxiety' } },
  { id: 'obsession', label: { ko: '강박', en: 'Obsessive thoughts' } },
  { id: 'stress', label: { ko: '스트레스', en: 'Stress' } },
  { id: 'relationships', label: { ko: '대인관계', en: 'Relationships' } },
  { id: 'other', label: { ko: '기타', en: 'Something else' } },
] as const;

const own = {
  leavingCare: { ko: '자립준비청년 여부', en: 'Leaving care (자립준비청년)' },
  referred: { ko: '정신건강복지센터 의뢰 여부', en: 'Referred by a mental-health welfare centre' },
  otherCounselling: { ko: '다른 청년 상담 사업 이용 여부', en: 'Using another youth counselling programme' },
  counsellorType: { ko: '상담 유형', en: 'Counsellor type' },
  concerns: { ko: '상담 받고 싶은 어려움', en: 'What you would like help with' },
  situation: { ko: '상황', en: 'Your situation' },
  service: { ko: '서비스', en: 'Service' },
} satisfies Record<string, Text>;

const consents: Consents = {
  general: {
    version: '2026.1',
    text: {
      ko: '이름·생년월일·연락처·주소를 대상자 선정, 바우처 발급, 서비스 제공 관리를 위해 수집·이용합니다. 서비스 종료 후 5년간 보관합니다. 동의하지 않을 수 있으나, 그 경우 신청할 수 없습니다.',
      en: 'We collect your name, birth date, contacts and address to decide eligibility, issue the voucher and manage the service. Kept for 5 years after the service ends. You may refuse, but then cannot apply.',
    },
  },
  sensitive: {
    version: '2026.1',
    text: {
      ko: '정신건강복지센터 의뢰 여부와 상담 받고 싶은 어려움 등 건강에 관한 정보를 우선순위 판단과 서비스 제공을 위해 처리합니다. 동의하지 않을 수 있으나, 그 경우 신청할 수 없습니다.',
      en: 'We process health information (a referral by a mental-health welfare centre, what you want help with) to set priority and provide the service. You may refuse, but then cannot apply.',
    },
  },
};

const answers = z.object({
  submitter: z.optional(submitterSchema),
  applicant: applicantSchema,
  leavingCare: yesNo(own.leavingCare),
  referredByMentalHealthCentre: yesNo(own.referred),
  otherYouthCounselling: yesNo(own.otherCounselling),
  counsellorType: choice(idsOf(counsellorTypes), own.counsellorType),
  concerns: z._default(choices(idsOf(youthConcerns), own.concerns), []),
  preferences: preferencesSchema,
  consent: consentSchema(consents),
});

export type YouthAnswers = z.output<typeof answers>;

/** What the rules read: the district, the birth year, the other programme, and what sets copay and priority. */
const eligibilityAnswers = z.extend(z.omit(answers, { submitter: true, applicant: true, concerns: true, preferences: true, consent: true }), {
  applicant: z.pick(applicantSchema, { district: true, birthDate: true }),
});

export type YouthEligibilityAnswers = z.output<typeof eligibilityAnswers>;

/** The dates a person gives, none after the application day. */
const givenDates = [{ path: 'applicant.birthDate', label: labels.applicantBirthDate }];

function answersSchema(applicationDay?: string) {
  return applicationDay === undefined ? answers : answers.check(datesNotAfter(applicationDay, givenDates));
}

export type YouthDefinition = ProgrammeDefinition<'youth', YouthAnswers, YouthEligibility, YouthCopay, YouthPrice, YouthEligibilityAnswers>;

export const youth: YouthDefinition = {
  ...youthTerms,
  schema: answersSchema(),
  schemaOn: (applicationDate) => answersSchema(seoulIsoDate(applicationDate)),
  eligibilitySchema: eligibilityAnswers,
  eligibilitySchemaOn: (applicationDate) => eligibilityAnswers.check(datesNotAfter(seoulIsoDate(applicationDate), givenDates)),
  sections: [
    submitterSection(),
    {
      id: 'applicant',
      title: labels.applicant,
      fields: applicantFields({
        ko: `${eligibility.minAgeByBirthYear}~${eligibility.maxAgeByBirthYear}세: 신청 연도 − 출생 연도로 셉니다`,
        en: `Ages ${eligibility.minAgeByBirthYear}–${eligibility.maxAgeByBirthYear}, counted as application year minus birth year`,
      }),
    },
    {
      id: 'situation',
      title: own.situation,
      fields: [
        {
          name: 'leavingCare',
          label: own.leavingCare,
          input: 'yesno',
          required: true,
          help: { ko: '아동복지시설·가정위탁 보호가 끝났거나 끝날 예정인 청년(1순위)', en: 'Young people leaving residential or foster care (first priority)' },
        },
        { name: 'referredByMentalHealthCentre', label: own.referred, input: 'yesno', required: true, sensitive: true },
        {
          name: 'otherYouthCounselling',
          label: own.otherCounselling,
          input: 'yesno',
          required: true,
          help: {
            ko: '다른 지자체 청년 상담 사업과 함께 이용할 수 없습니다',
            en: "Can't be combined with another local-government youth counselling programme",
          },
        },
      ],
    },
    {
      id: 'service',
      title: own.service,
      fields: [
        {
          name: 'counsellorType',
          label: own.counsellorType,
          input: 'radio',
          required: true,
          options: counsellorTypes.map(({ id, label }) => ({ value: id, label })),
          help: {
            ko: counsellorTypes.map((t) => `${t.label.ko}: ${t.help.ko}`).join(' / '),
            en: counsellorTypes.map((t) => `${t.label.en}: ${t.help.en}`).join(' / '),
          },
        },
        {
          name: 'concerns',
          label: own.concerns,
          input: 'checkbox',
          required: false,
          sensitive: true,
          options: youthConcerns.map(({ id, label }) => ({ value: id, label })),
        },
      ],
    },
    preferencesSection,
    consentSection(consents),
  ],
  documents: [
    { id: 'identity', label: { ko: '신분증(나이 확인)', en: 'Identity card (to confirm age)' }, required: true },
    {
      id: 'leaving-care-certificate',
      label: { ko: '보호종료확인서', en: 'Certificate of leaving care' },
      required: false,
      when: { ko: '자립준비청년인 경우', en: 'Leaving care' },
    },
    {
      id: 'referral-letter',
      label: { ko: '정신건강복지센터 의뢰서', en: 'Referral letter from a mental-health welfare centre' },
      required: false,
      when: { ko: '정신건강복지센터에서 의뢰된 경우', en: 'Referred by a mental-health welfare centre' },
    },
  ],
  consents,
  collectsRrn: false,
};
