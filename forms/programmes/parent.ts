/**
 * 부모심리지원서비스 (부모성장을 위한 심리지원)'s form — DOMAIN.md §2.2, its terms in forms/terms/parent.ts.
 * The applicant is the person served.
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
  guardianSchema,
  guardianSection,
  householdSchema,
  householdSection,
  labels,
  preferencesSchema,
  preferencesSection,
  rrnField,
  rrnSchema,
  textAnswer,
  wholeNumber,
  whenAnswered,
  yesNo,
} from '../common';
import { categoryCertificate, voucherRrnLegalBasis } from '../community-service';
import { seoulIsoDate } from '../dates';
import { guardianAwareSubmitterSchema, submitterSection } from '../submitter';
import type { Text } from '../i18n';
import { fieldMessages, message } from '../messages';
import type { Consents, IncomeTieredCopay, MonthlyPrice, ProgrammeDefinition } from '../types';
import { childRelations, maxKinshipDegree, parentBases, parentTerms, type ChildRelation, type ParentEligibility } from '../terms/parent';

const { eligibility } = parentTerms;

const own = {
  basis: { ko: '신청 자격', en: 'Basis of application' },
  children: { ko: '자녀(아동)', en: 'Children' },
  childBirthDate: { ko: '아동 생년월일', en: 'Child birth date' },
  childRelation: { ko: '신청인과 아동의 관계', en: 'Relation of the child to you' },
  hasServiceNeed: { ko: '아동의 서비스 욕구', en: 'Child needs support' },
  kinshipDegree: { ko: '아동과의 촌수', en: 'Degree of kinship to the child (촌)' },
  primaryCaregiver: { ko: '주 양육자 여부', en: 'Primary caregiver' },
  facilityName: { ko: '아동복지시설 이름', en: 'Child welfare facility name' },
  childEmotionalProblem: { ko: '자녀의 정서·행동 문제', en: "Child's emotional or behavioural problems" },
  ownEmotionalProblem: { ko: '본인의 정서 문제', en: 'Your own emotional difficulties' },
  wellbeing: { ko: '정서 상태', en: 'Emotional wellbeing' },
  person: { ko: '신청인', en: 'Applicant' },
} satisfies Record<string, Text>;

export const childRelationOptions: { value: ChildRelation; label: Text }[] = [
  { value: 'child', label: { ko: '자녀', en: 'My child' } },
  { value: 'grandchild', label: { ko: '손자녀', en: 'My grandchild' } },
  { value: 'other-relative', label: { ko: '그 밖의 친족', en: 'Another relative' } },
];

const consents = {
  general: {
    version: '2026.1',
    text: {
      ko: '신청인과 자녀의 이름·생년월일·연락처·주소·가구소득과 신청 자격 정보를 대상자 선정, 바우처 발급, 서비스 제공 관리를 위해 수집·이용합니다. 서비스 종료 후 5년간 보관합니다. 동의하지 않을 수 있으나, 그 경우 신청할 수 없습니다.',
      en: "We collect your and your children's names, birth dates, contacts, address, household income and basis of application to decide eligibility, issue the voucher and manage the service. Kept for 5 years after the service ends. You may refuse, but then cannot apply.",
    },
  },
  sensitive: {
    version: '2026.1',
    text: {
      ko: '신청인과 자녀의 정서·행동 문제, 임신 여부 등 건강에 관한 정보를 우선순위 판단과 서비스 제공을 위해 처리합니다. 동의하지 않을 수 있으나, 그 경우 신청할 수 없습니다.',
      en: "We process health information (your and your children's emotional or behavioural problems, pregnancy) to set priority and provide the service. You may refuse, but then cannot apply.",
    },
  },
  guardianRequiredUnderAge: 14,
} satisfies Consents;

const MAX_CHILDREN = 10;

const childSchema = z.object({
  birthDate: calendarDate(own.childBirthDate),
  relation: choice(childRelations, own.childRelation),
  hasServiceNeed: yesNo(own.hasServiceNeed),
});

const tooManyChildren = message('too-many-children', {
  ko: `아동은 ${MAX_CHILDREN}명까지 입력할 수 있습니다`,
  en: `List at most ${MAX_CHILDREN} children`,
});

const storedShape = z.object({
  submitter: z.optional(guardianAwareSubmitterSchema),
  applicant: applicantSchema,
  guardian: z.optional(guardianSchema),
  household: householdSchema,
  basis: choice(parentBases, own.basis),
  // Bounded, but not required to differ: twins have the same answers.
  children: z._default(z.array(childSchema, { error: fieldMessages.required(own.children) }).check(z.maxLength(MAX_CHILDREN, tooManyChildren)), []),
  kinshipDegree: z.optional(wholeNumber(own.kinshipDegree, 1, 10)),
  primaryCaregiver: z.optional(yesNo(own.primaryCaregiver)),
  facilityName: z.optional(textAnswer(own.facilityName, 100)),
  childEmotionalProblem: yesNo(own.childEmotionalProblem),
  ownEmotionalProblem: yesNo(own.ownEmotionalProblem),
  preferences: preferencesSchema,
  consent: consentSchema(consents),
});

const answers = z.extend(storedShape, { rrn: rrnSchema });

export type ParentAnswers = z.output<typeof answers>;

/**
 * What the rules read: the district, the applicant's age and whether a guardian applies (not who they
 * are or how to reach them), the household, the basis with what it asks, and the priority answers.
 */
const eligibilityShape = z.extend(z.omit(storedShape, { submitter: true, applicant: true, guardian: true, preferences: true, consent: true }), {
  applicant: z.pick(applicantSchema, { district: true, birthDate: true }),
  guardian: z.optional(z.object({})),
});

export type ParentEligibilityAnswers = z.output<typeof eligibilityShape>;

const needsChild = message('child-needed', {
  ko: '이 신청 자격으로는 양육하는 아동을 한 명 이상 입력해야 합니다',
  en: 'For this basis, list at least one child you raise',
});
const needsKinship = fieldMessages.required(own.kinshipDegree);
const needsPrimaryCaregiver = fieldMessages.yesNoMissing(own.primaryCaregiver);
const needsFacility = fieldMessages.required(own.facilityName);

/** The answers a basis needs (its rule in `eligibility.bases` says which); the engine judges them. */
function basisAnswers(a: Pick<ParentEligibilityAnswers, 'basis' | 'children' | 'kinshipDegree' | 'primaryCaregiver' | 'facilityName'>, ctx: z.core.$RefinementCtx) {
  const rule = eligibility.bases[a.basis];
  if (rule.child && a.children.length === 0) ctx.addIssue({ code: 'custom', message: needsChild, path: ['children'] });
  if (rule.maxKinshipDegree !== undefined && a.kinshipDegree === undefined) {
    ctx.addIssue({ code: 'custom', message: needsKinship, path: ['kinshipDegree'] });
  }
  if (rule.mustBePrimaryCaregiver && a.primaryCaregiver === undefined) {
    ctx.addIssue({ code: 'custom', message: needsPrimaryCaregiver, path: ['primaryCaregiver'] });
  }
  if (rule.inChildWelfareFacility && a.facilityName === undefined) {
    ctx.addIssue({ code: 'custom', message: needsFacility, path: ['facilityName'] });
  }
}

const rrnIsApplicants = crossField.rrnAgrees(own.person);
const guardianFor = crossField.guardianUnder(consents.guardianRequiredUnderAge);
/** The basis rule reads the basis and what it asks, which may be left out, but not malformed. */
const basisReads = whenAnswered(['basis'], ['children', 'kinshipDegree', 'primaryCaregiver', 'facilityName']);

/** The dates a person gives, none after the application day. */
const givenDates = [
  { path: 'applicant.birthDate', label: labels.applicantBirthDate },
  { path: 'children.*.birthDate', label: own.childBirthDate },
];

function answersSchema(applicationDay?: string) {
  const checked = answers.check(
    z.superRefine(basisAnswers, basisReads),
    z.superRefine((a, ctx) => rrnIsApplicants(a.rrn, a.applicant.birthDate, ctx, ['rrn']), whenAnswered(['rrn', 'applicant.birthDate'])),
  );
  if (applicationDay === undefined) return checked;
  return checked.check(
    datesNotAfter(applicationDay, givenDates),
    z.superRefine((a, ctx) => guardianFor(a.applicant.birthDate, a.guardian, applicationDay, ctx), whenAnswered(['applicant.birthDate'], ['guardian'])),
  );
}

export type ParentDefinition = ProgrammeDefinition<'parent', ParentAnswers, ParentEligibility, IncomeTieredCopay, MonthlyPrice, ParentEligibilityAnswers>;

export const parent: ParentDefinition = {
  ...parentTerms,
  schema: answersSchema(),
  schemaOn: (applicationDate) => answersSchema(seoulIsoDate(applicationDate)),
  eligibilitySchema: eligibilityShape.check(z.superRefine(basisAnswers, basisReads)),
  eligibilitySchemaOn: (applicationDate) =>
    eligibilityShape.check(z.superRefine(basisAnswers, basisReads), datesNotAfter(seoulIsoDate(applicationDate), givenDates)),
  sections: [
    submitterSection({ asksGuardianship: true }),
    { id: 'applicant', title: own.person, fields: [...applicantFields(), rrnField(own.person)] },
    guardianSection(consents.guardianRequiredUnderAge),
    householdSection,
    {
      id: 'basis',
      title: own.basis,
      fields: [
        {
          name: 'basis',
          label: own.basis,
          input: 'radio',
          required: true,
          options: parentBases.map((basis) => ({ value: basis, label: eligibility.bases[basis].label })),
          help: {
            ko: `임신부·부모·조손가구는 기준 중위소득 ${eligibility.maxIncomePercent}% 이하여야 합니다`,
            en: `Pregnant women, parents and grandparent carers need a household income at or below ${eligibility.maxIncomePercent}% of median`,
          },
        },
        {
          name: 'kinshipDegree',
          label: own.kinshipDegree,
          input: 'number',
          required: true,
          showIf: { field: 'basis', equals: 'relative-carer' },
          help: {
            ko: `부모 1촌, 조부모 2촌, 삼촌·이모 3촌, 사촌 4촌. ${maxKinshipDegree}촌 이내여야 합니다`,
            en: `Parent 1, grandparent 2, aunt or uncle 3, cousin 4; at most ${maxKinshipDegree}`,
          },
        },
        {
          name: 'primaryCaregiver',
          label: own.primaryCaregiver,
          input: 'yesno',
          required: true,
          showIf: { field: 'basis', equals: 'relative-carer' },
        },
        {
          name: 'facilityName',
          label: own.facilityName,
          input: 'text',
          required: true,
          showIf: { field: 'basis', equals: 'facility-carer' },
        },
      ],
    },
    {
      id: 'children',
      title: own.children,
      repeat: { path: 'children', maxItems: MAX_CHILDREN, addLabel: { ko: '아동 추가', en: 'Add a child' } },
      fields: [
        { name: 'children.*.birthDate', label: own.childBirthDate, input: 'date', required: true },
        { name: 'children.*.relation', label: own.childRelation, input: 'select', required: true, options: childRelationOptions },
        {
          name: 'children.*.hasServiceNeed',
          label: own.hasServiceNeed,
          input: 'yesno',
          required: true,
          sensitive: true,
          help: {
            ko: '정서·행동·발달 문제로 심리지원이 필요한 경우',
            en: 'The child needs psychological support for emotional, behavioural or developmental problems',
          },
        },
      ],
    },
    {
      id: 'wellbeing',
      title: own.wellbeing,
      fields: [
        { name: 'childEmotionalProblem', label: own.childEmotionalProblem, input: 'yesno', required: true, sensitive: true },
        { name: 'ownEmotionalProblem', label: own.ownEmotionalProblem, input: 'yesno', required: true, sensitive: true },
      ],
    },
    preferencesSection,
    consentSection(consents),
  ],
  documents: [
    {
      id: 'income-evidence',
      label: { ko: '소득 확인 서류(건강보험료 납부확인서 등)', en: 'Proof of income (e.g. health-insurance contribution statement)' },
      required: false,
      when: { ko: '임신부·부모·조손가구로 신청하는 경우', en: 'Applying as pregnant, parent or grandparent carer' },
    },
    {
      id: 'family-relation',
      label: { ko: '가족관계증명서', en: 'Family relation certificate' },
      required: false,
      when: { ko: '아동을 양육하는 자격으로 신청하는 경우', en: 'Applying as a parent, grandparent or relative of a child' },
    },
    {
      id: 'pregnancy-certificate',
      label: { ko: '임신확인서', en: 'Pregnancy certificate' },
      required: false,
      when: { ko: '임신부로 신청하는 경우', en: 'Applying as pregnant' },
    },
    {
      id: 'service-need-evidence',
      label: { ko: '아동의 서비스 욕구 확인서류(소견서·추천서 등)', en: "Evidence of the child's need (opinion or recommendation)" },
      required: false,
      when: { ko: '주 양육자(친족)로 신청하는 경우', en: 'Applying as a relative and primary caregiver' },
    },
    {
      id: 'employment-certificate',
      label: { ko: '재직증명서(아동복지시설)', en: 'Certificate of employment at the child welfare facility' },
      required: false,
      when: { ko: '아동복지시설 종사자로 신청하는 경우', en: 'Applying as a carer in a child welfare facility' },
    },
    categoryCertificate,
  ],
  consents,
  collectsRrn: true,
  rrnLegalBasis: voucherRrnLegalBasis,
};
