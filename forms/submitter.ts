/**
 * Who fills in the form: the person themselves, or someone acting for them — a parent, relative or
 * carer, a welfare worker of the 동주민센터, a social-welfare facility's staff (seeds 003 and 004).
 * Every programme asks it first (`submitterSection`) and stores it as `submitter`; the receipt then
 * goes to both (functions/notifications). The eligibility rules never read it, so no pre-check asks it.
 * The acting person's phone and e-mail are personal data like the person's: kept with the
 * application, never logged.
 */
import * as z from 'zod/mini';
import { choice, emailAddress, personName, textAnswer, whenAnswered, yesNo } from './common';
import { topicParticle, type Text } from './i18n';
import { fieldMessages, message } from './messages';
import type { FieldDef, FormSection } from './types';

export const submitterKinds = ['self', 'on-behalf'] as const;
export const submitterRelations = ['family', 'district-official', 'facility-worker', 'other'] as const;
export type SubmitterRelation = (typeof submitterRelations)[number];

export const submitterLabels = {
  section: { ko: '신청하는 분', en: 'Who is applying' },
  who: { ko: '누가 신청하시나요?', en: 'Who is filling in this application?' },
  name: { ko: '대신 신청하는 분의 이름', en: 'Your name (applying for someone)' },
  relation: { ko: '대상자와의 관계', en: 'Your relation to the person' },
  relationOther: { ko: '관계(직접 입력)', en: 'Relation (in your words)' },
  organisation: { ko: '소속 기관', en: 'Your office' },
  legalGuardian: { ko: '대상자의 법정대리인(부모·후견인)인가요?', en: "Are you the person's legal guardian (parent or court-appointed guardian)?" },
  phone: { ko: '대신 신청하는 분의 전화번호', en: 'Your phone number' },
  email: { ko: '대신 신청하는 분의 이메일', en: 'Your email' },
} satisfies Record<string, Text>;

export const submitterKindOptions: { value: (typeof submitterKinds)[number]; label: Text }[] = [
  { value: 'self', label: { ko: '본인', en: 'Myself' } },
  { value: 'on-behalf', label: { ko: '다른 사람을 대신하여', en: 'On behalf of someone else' } },
];

export const submitterRelationOptions: { value: SubmitterRelation; label: Text }[] = [
  { value: 'family', label: { ko: '보호자·가족·친척', en: 'Parent, guardian, family member or relative' } },
  { value: 'district-official', label: { ko: '동주민센터 복지담당 공무원', en: 'Welfare officer at a community centre (동주민센터)' } },
  { value: 'facility-worker', label: { ko: '사회복지시설 종사자', en: 'Staff of a social-welfare facility' } },
  { value: 'other', label: { ko: '기타', en: 'Someone else' } },
];

/**
 * A Korean phone number as people write it — a mobile (010) or an office line (02, 031, 070, …):
 * with dashes, spaces or neither, kept with dashes. A welfare officer gives the office line.
 */
export function contactPhone(label: Text) {
  const format = message('contact-phone-format', {
    ko: `${label.ko}${topicParticle(label.ko)} 010-1234-5678 또는 02-123-4567 형식의 전화번호여야 합니다`,
    en: `${label.en} must be a phone number like 010-1234-5678 or 02-123-4567`,
  });
  return z.pipe(
    z.string({ error: format }).check(z.trim(), z.regex(/^(?:02|0[3-6][1-5]|010|070)[ -]?\d{3,4}[ -]?\d{4}$/, format)),
    z.transform((value: string) => {
      const digits = value.replace(/[ -]/g, '');
      const area = digits.startsWith('02') ? 2 : 3;
      return `${digits.slice(0, area)}-${digits.slice(area, -4)}-${digits.slice(-4)}`;
    }),
  );
}

const needsContact = message('submitter-contact-required', {
  ko: '대신 신청하는 분의 전화번호나 이메일 중 하나 이상을 입력해 주세요. 접수 안내를 보내 드립니다',
  en: 'Give your phone number or email (or both): we send you the receipt too',
});

const fieldsWhenOnBehalf = ['name', 'relation', 'relationOther', 'organisation', 'legalGuardian', 'phone', 'email'];

/**
 * `submitter`: `{ who: 'self' }`, or `{ who: 'on-behalf', name, relation, … }` with at least one
 * contact, the relation in words for 'other' and the office for an official. `legalGuardian` only
 * where the programme asks it (`submitterSection({ asksGuardianship: true })`).
 */
function submitterAnswers(asksGuardianship: boolean) {
  const answers = z.object(
    {
      who: choice(submitterKinds, submitterLabels.who),
      name: z.optional(personName(submitterLabels.name)),
      relation: z.optional(choice(submitterRelations, submitterLabels.relation)),
      relationOther: z.optional(textAnswer(submitterLabels.relationOther, 50)),
      organisation: z.optional(textAnswer(submitterLabels.organisation, 100)),
      ...(asksGuardianship ? { legalGuardian: z.optional(yesNo(submitterLabels.legalGuardian)) } : {}),
      phone: z.optional(contactPhone(submitterLabels.phone)),
      email: z.optional(emailAddress(submitterLabels.email)),
    },
    { error: fieldMessages.required(submitterLabels.who) },
  );
  type Answers = z.output<typeof answers>;
  const actingPersonAnswers = z.superRefine((s: Answers, ctx) => {
    if (s.who !== 'on-behalf') return;
    const need = (path: string, text: string) => ctx.addIssue({ code: 'custom', message: text, path: [path] });
    if (s.name === undefined) need('name', fieldMessages.required(submitterLabels.name));
    if (s.relation === undefined) need('relation', fieldMessages.required(submitterLabels.relation));
    if (s.relation === 'other' && s.relationOther === undefined) need('relationOther', fieldMessages.required(submitterLabels.relationOther));
    if (s.relation === 'district-official' && s.organisation === undefined) need('organisation', fieldMessages.required(submitterLabels.organisation));
    if (s.phone === undefined && s.email === undefined) need('phone', needsContact);
  }, whenAnswered(['who'], fieldsWhenOnBehalf));
  // Answers about an acting person are dropped when the person applies themselves (a form switched back to '본인').
  return z.pipe(answers.check(actingPersonAnswers), z.transform((s: Answers) => (s.who === 'self' ? { who: 'self' as const } : s)));
}

export const submitterSchema = submitterAnswers(false);
/** For a programme with a guardian rule: a family member acting says whether they are the legal guardian. */
export const guardianAwareSubmitterSchema = submitterAnswers(true);

export type Submitter = z.output<typeof guardianAwareSubmitterSchema>;

/**
 * The first step of every form. `asksGuardianship`: the programme has an under-age rule (a legal
 * guardian applies), so a family member acting is asked whether they are that guardian — the form then
 * fills the guardian's details from these answers instead of asking them again.
 */
export function submitterSection(options: { selfHelp?: Text; asksGuardianship?: boolean } = {}): FormSection {
  const onBehalf = { field: 'submitter.who', equals: 'on-behalf' };
  const fields: FieldDef[] = [
    {
      name: 'submitter.who',
      label: submitterLabels.who,
      input: 'radio',
      required: true,
      options: submitterKindOptions,
      help: options.selfHelp ?? {
        ko: '보호자·가족, 동주민센터 복지담당 공무원, 시설 종사자가 대신 신청할 수 있습니다',
        en: 'A parent or relative, a community-centre welfare officer or facility staff may apply for someone',
      },
    },
    { name: 'submitter.name', label: submitterLabels.name, input: 'text', required: true, showIf: onBehalf },
    { name: 'submitter.relation', label: submitterLabels.relation, input: 'radio', required: true, options: submitterRelationOptions, showIf: onBehalf },
    { name: 'submitter.relationOther', label: submitterLabels.relationOther, input: 'text', required: true, showIf: { field: 'submitter.relation', equals: 'other' } },
    {
      name: 'submitter.organisation',
      label: submitterLabels.organisation,
      input: 'text',
      required: true,
      showIf: { field: 'submitter.relation', equals: 'district-official' },
      help: { ko: '예: 종로구 사직동 주민센터', en: 'e.g. Sajik-dong community centre, Jongno-gu' },
    },
    ...(options.asksGuardianship
      ? [{ name: 'submitter.legalGuardian', label: submitterLabels.legalGuardian, input: 'yesno', required: false, showIf: { field: 'submitter.relation', equals: 'family' } } satisfies FieldDef]
      : []),
    {
      name: 'submitter.phone',
      label: submitterLabels.phone,
      input: 'tel',
      required: false,
      showIf: onBehalf,
      help: { ko: '전화번호와 이메일 중 하나 이상. 접수 안내를 함께 보내 드립니다. 예: 010-1234-5678, 02-123-4567', en: 'Phone or email, or both: we send you the receipt too. e.g. 010-1234-5678, 02-123-4567' },
    },
    { name: 'submitter.email', label: submitterLabels.email, input: 'email', required: false, showIf: onBehalf },
  ];
  return { id: 'submitter', title: submitterLabels.section, fields };
}
