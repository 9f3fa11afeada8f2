/**
 * 아동·청소년 심리지원서비스's form — DOMAIN.md §2.1, its terms in forms/terms/child-adolescent.ts. The
 * child is the person served; a parent or guardian applies.
 */
import * as z from 'zod/mini';
import {
  applicantFields,
  applicantSchema,
  calendarDate,
  choice,
  consentSchema,
  consentSection,
  crossField,
  datesNotAfter,
  guardianRelationOptions,
  guardianRelations,
  householdSchema,
  householdSection,
  idsOf,
  labels,
  personName,
  preferencesSchema,
  preferencesSection,
  rrnField,
  rrnSchema,
  whenAnswered,
  yesNo,
} from '../common';
import { categoryCertificate, voucherRrnLegalBasis } from '../community-service';
import { seoulIsoDate } from '../dates';
import { submitterSchema, submitterSection } from '../submitter';
import { fieldMessages } from '../messages';
import type { Consents, IncomeTieredCopay, MonthlyPrice, ProgrammeDefinition } from '../types';
import { childAdolescentTerms, childServiceTypes, type ChildAdolescentEligibility } from '../terms/child-adolescent';

const { eligibility } = childAdolescentTerms;

export const needEvidenceKinds = [
  {
    id: 'doctor-opinion',
    label: { ko: '의사 진단서 또는 소견서(검사결과 포함)', en: "Doctor's diagnosis or opinion with test results" },
  },
  {
    id: 'counsellor-opinion',
    label: {
      ko: '임상심리사·청소년상담사 소견서(검사결과 포함)',
      en: "Clinical psychologist's or youth counsellor's opinion with test results",
    },
  },
  {
    id: 'speech-therapist-opinion',
    label: { ko: '1급 언어재활사 소견서(언어검사 결과 포함)', en: '1st-grade speech therapist opinion with a language test' },
  },
  {
    id: 'mental-health-centre-recommendation',
    label: { ko: '정신건강복지센터장 추천서', en: 'Recommendation of a mental-health welfare centre head' },
  },
  {
    id: 'teacher-recommendation',
    label: {
      ko: '교사 추천서(정밀검사 결과 절단점 이상)',
      en: "Teacher's recommendation with an in-depth screening above cut-off",
    },
  },
] as const;

const own = {
  child: { ko: '아동', en: 'Child' },
  childName: { ko: '아동 이름', en: 'Child name' },
  childBirthDate: { ko: '아동 생년월일', en: 'Child birth date' },
  inHighSchool: { ko: '고등학교 재학 여부', en: 'Enrolled in high school' },
  relationToChild: { ko: '아동과의 관계', en: 'Relation to the child' },
  serviceType: { ko: '희망 서비스', en: 'Service wanted' },
  needEvidenceKind: { ko: '서비스 필요성 확인서류 종류', en: 'Kind of need evidence' },
  needEvidenceIssuedOn: { ko: '확인서류 발급일', en: 'Evidence issue date' },
  applicantAsGuardian: { ko: '보호자(신청인)', en: 'Parent or guardian (applicant)' },
  service: { ko: '서비스와 필요성', en: 'Service and need' },
};

const consents: Consents = {
  general: {
    version: '2026.1',
    text: {
      ko: '아동과 보호자의 이름·생년월일·연락처·주소·가구소득을 대상자 선정, 바우처 발급, 서비스 제공 관리를 위해 수집·이용합니다. 서비스 종료 후 5년간 보관합니다. 동의하지 않을 수 있으나, 그 경우 신청할 수 없습니다.',
      en: "We collect the child's and guardian's names, birth dates, contacts, address and household income to decide eligibility, issue the voucher and manage the service. Kept for 5 years after the service ends. You may refuse, but then cannot apply.",
    },
  },
  sensitive: {
    version: '2026.1',
    text: {
      ko: '아동의 심리·정서 상태, 진단·소견 등 건강에 관한 정보를 서비스 필요성 판단과 서비스 제공을 위해 처리합니다. 동의하지 않을 수 있으나, 그 경우 신청할 수 없습니다.',
      en: "We process health information about the child (emotional state, diagnoses and opinions) to judge the need and provide the service. You may refuse, but then cannot apply.",
    },
  },
};

const childSchema = z.object(
  {
    name: personName(own.childName),
    birthDate: calendarDate(own.childBirthDate),
    inHighSchool: yesNo(own.inHighSchool),
  },
  { error: fieldMessages.required(own.child) },
);

/** What is kept in the clear: everything but the resident registration number, which is sealed apart. */
const storedAnswers = z.object({
  submitter: z.optional(submitterSchema),
  applicant: applicantSchema,
  relationToChild: choice(guardianRelations, own.relationToChild),
  child: childSchema,
  household: householdSchema,
  serviceType: choice(idsOf(childServiceTypes), own.serviceType),
  needEvidence: z.optional(
    z.object({
      kind: choice(idsOf(needEvidenceKinds), own.needEvidenceKind),
      issuedOn: calendarDate(own.needEvidenceIssuedOn),
    }),
  ),
  preferences: preferencesSchema,
  consent: consentSchema(consents),
});

const answers = z.extend(storedAnswers, { rrn: rrnSchema });

export type ChildAdolescentAnswers = z.output<typeof answers>;

/** What the rules read: the district, the child's age and schooling, the household's income, the evidence of need. */
const eligibilityAnswers = z.extend(z.pick(storedAnswers, { household: true, needEvidence: true }), {
  applicant: z.pick(applicantSchema, { district: true }),
  child: z.pick(childSchema, { birthDate: true, inHighSchool: true }),
});

export type ChildAdolescentEligibilityAnswers = z.output<typeof eligibilityAnswers>;

const rrnIsChilds = crossField.rrnAgrees(own.child);

/** The dates a person gives, none after the application day. */
const givenDates = [
  { path: 'applicant.birthDate', label: labels.applicantBirthDate },
  { path: 'child.birthDate', label: own.childBirthDate },
  { path: 'needEvidence.issuedOn', label: own.needEvidenceIssuedOn },
];

/** The applicant is the child's parent or guardian, so the under-14 guardian rule holds by construction. */
function answersSchema(applicationDay?: string) {
  const checked = answers.check(z.superRefine((a, ctx) => rrnIsChilds(a.rrn, a.child.birthDate, ctx, ['rrn']), whenAnswered(['rrn', 'child.birthDate'])));
  return applicationDay === undefined ? checked : checked.check(datesNotAfter(applicationDay, givenDates));
}

export type ChildAdolescentDefinition = ProgrammeDefinition<
  'child-adolescent',
  ChildAdolescentAnswers,
  ChildAdolescentEligibility,
  IncomeTieredCopay,
  MonthlyPrice,
  ChildAdolescentEligibilityAnswers
>;

const olderStudentAge = eligibility.maxAgeFullYears + 1;

export const childAdolescent: ChildAdolescentDefinition = {
  ...childAdolescentTerms,
  schema: answersSchema(),
  eligibilitySchema: eligibilityAnswers,
  eligibilitySchemaOn: (applicationDate) => eligibilityAnswers.check(datesNotAfter(seoulIsoDate(applicationDate), givenDates)),
  schemaOn: (applicationDate) => answersSchema(seoulIsoDate(applicationDate)),
  sections: [
    submitterSection({
      selfHelp: {
        ko: "자녀를 위해 부모·보호자가 직접 신청하면 '본인'을 고르세요. 동주민센터 공무원이나 시설 종사자가 가족을 도와 신청하면 '다른 사람을 대신하여'를 고르세요",
        en: "A parent or guardian applying for their child chooses 'Myself'; a community-centre officer or facility staff helping a family chooses 'On behalf of someone else'",
      },
    }),
    {
      id: 'child',
      title: own.child,
      fields: [
        { name: 'child.name', label: own.childName, input: 'text', required: true },
        { name: 'child.birthDate', label: own.childBirthDate, input: 'date', required: true },
        rrnField(own.child),
        {
          name: 'child.inHighSchool',
          label: own.inHighSchool,
          input: 'yesno',
          required: true,
          help: {
            ko: `만 ${olderStudentAge}세 이상이라도 고등학생이면 신청할 수 있습니다(재학증명서 제출)`,
            en: `High-school students aged ${olderStudentAge} or over may apply with an enrolment certificate`,
          },
        },
      ],
    },
    {
      id: 'applicant',
      title: own.applicantAsGuardian,
      fields: [
        ...applicantFields(),
        { name: 'relationToChild', label: own.relationToChild, input: 'select', required: true, options: guardianRelationOptions },
      ],
    },
    householdSection,
    {
      id: 'service',
      title: own.service,
      fields: [
        {
          name: 'serviceType',
          label: own.serviceType,
          input: 'radio',
          required: true,
          sensitive: true,
          options: childServiceTypes.map(({ id, label }) => ({ value: id, label })),
        },
        {
          name: 'needEvidence.kind',
          label: own.needEvidenceKind,
          input: 'select',
          required: false,
          sensitive: true,
          options: needEvidenceKinds.map(({ id, label }) => ({ value: id, label })),
          help: {
            ko: `발급일로부터 ${eligibility.needEvidenceMaxAgeMonths}개월 이내의 서류. 없으면 담당자가 확인 후 안내합니다`,
            en: `Issued within ${eligibility.needEvidenceMaxAgeMonths} months. Without one, a case manager will contact you`,
          },
        },
        { name: 'needEvidence.issuedOn', label: own.needEvidenceIssuedOn, input: 'date', required: false, sensitive: true },
      ],
    },
    preferencesSection,
    consentSection(consents),
  ],
  documents: [
    {
      id: 'need-evidence',
      label: { ko: '서비스 필요성 확인서류(진단서·소견서·추천서 중 하나)', en: 'Evidence of need (a diagnosis, opinion or recommendation)' },
      required: true,
      maxAgeMonths: eligibility.needEvidenceMaxAgeMonths,
    },
    {
      id: 'income-evidence',
      label: { ko: '소득 확인 서류(건강보험료 납부확인서 등)', en: 'Proof of income (e.g. health-insurance contribution statement)' },
      required: true,
    },
    {
      id: 'family-relation',
      label: { ko: '가족관계증명서', en: 'Family relation certificate' },
      required: true,
    },
    {
      id: 'enrolment-certificate',
      label: { ko: '재학증명서', en: 'High-school enrolment certificate' },
      required: false,
      when: { ko: `아동이 만 ${olderStudentAge}세 이상 고등학생인 경우`, en: `The child is ${olderStudentAge} or older and in high school` },
    },
    categoryCertificate,
  ],
  consents,
  collectsRrn: true,
  rrnLegalBasis: voucherRrnLegalBasis,
};
