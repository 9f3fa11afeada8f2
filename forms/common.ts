/**
 * Answer pieces shared by every programme: applicant, household, consent, guardian, resident
 * registration number, and the cross-field rules between them. Labels live here once and serve
 * both the form (FieldDef) and the validation messages.
 *
 * Schemas here and in programmes/ are written with `zod/mini` (functions and `.check(...)` instead of
 * methods), which the citizen's page bundles at a third of zod classic's weight (issue 10: the form
 * page's 40 KB). Both share zod's core: server code parses them, nests them in classic schemas and
 * writes JSON Schema from them as from classic ones; only the chained methods are missing.
 */
import * as z from 'zod/mini';
import { answerAt } from './answers';
import { ageInFullYears, ISO_DATE, parseIsoDate } from './dates';
import { districtCodeSchema, districts } from './districts';
import { languageOptions, languages } from './languages';
import { hiddenCharactersBut } from './hidden-characters';
import { topicParticle, type Text } from './i18n';
import { fieldMessages, message } from './messages';
import type { Consents, FieldDef, FormSection } from './types';
import { guardianRelationOptions, guardianRelations, householdCategories, householdCategoryOptions } from './answer-options';

export { guardianRelationOptions, guardianRelations, householdCategories, householdCategoryOptions };


export const labels = {
  applicant: { ko: '신청인', en: 'Applicant' },
  applicantName: { ko: '신청인 이름', en: 'Applicant name' },
  applicantBirthDate: { ko: '신청인 생년월일', en: 'Applicant birth date' },
  applicantPhone: { ko: '신청인 휴대전화', en: 'Applicant mobile phone' },
  email: { ko: '이메일', en: 'Email' },
  district: { ko: '거주 자치구', en: 'District of residence' },
  address: { ko: '주소', en: 'Address' },
  rrn: { ko: '주민등록번호', en: 'Resident registration number' },
  household: { ko: '가구 정보', en: 'Household' },
  householdSize: { ko: '가구원 수', en: 'Household size' },
  monthlyIncome: { ko: '월 가구소득', en: 'Monthly household income' },
  category: { ko: '가구 유형', en: 'Household category' },
  consent: { ko: '동의', en: 'Consent' },
  generalConsent: { ko: '개인정보 수집·이용 동의', en: 'Consent to collect and use personal information' },
  sensitiveConsent: { ko: '민감정보(건강정보) 처리 동의', en: 'Consent to process sensitive (health) information' },
  guardian: { ko: '법정대리인', en: 'Legal guardian' },
  guardianName: { ko: '법정대리인 이름', en: 'Guardian name' },
  guardianRelation: { ko: '법정대리인과의 관계', en: 'Relation of the guardian' },
  guardianPhone: { ko: '법정대리인 휴대전화', en: 'Guardian mobile phone' },
  preferences: { ko: '상담사 희망 사항', en: 'Counsellor preferences' },
  counsellorGender: { ko: '희망 상담사 성별', en: 'Preferred counsellor gender' },
  language: { ko: '희망 상담 언어', en: 'Preferred language of counselling' },
  time: { ko: '희망 상담 시간', en: 'Time for sessions' },
} satisfies Record<string, Text>;


/** The ids of a list of options, as the non-empty tuple `z.enum` needs. */
export function idsOf<const T extends readonly { id: string }[]>(list: T) {
  return list.map((item) => item.id) as [T[number]['id'], ...T[number]['id'][]];
}

/** Zod error option: "X is required" when the answer is missing, `otherwise` when it is malformed. */
export function requiredOr(label: Text, otherwise: string) {
  const required = fieldMessages.required(label);
  return (issue: { input?: unknown }) => (issue.input === undefined ? required : otherwise);
}

/* ---------- what a person types ---------- */

const lineBreak = /[\n\r\v\f\u0085\u2028\u2029]/;
/** Hidden characters but line breaks: one-line answers report those with a message of their own. */
const hiddenInLine = hiddenCharactersBut(String.raw`\n\r\v\f\u0085\u2028\u2029`);
/** Hidden characters but the newline (LF), which free text keeps. */
const hiddenInText = hiddenCharactersBut(String.raw`\n`);

/**
 * Typed text as it is kept: Unicode NFC (a name typed as decomposed jamo is the same name typed as
 * syllables), without the spaces and line breaks at its ends, 1 to `max` characters.
 */
function typedText(label: Text, max: number, lines: 'one' | 'many') {
  const length = fieldMessages.length(label, 1, max);
  const text = z.string({ error: requiredOr(label, length) }).check(z.normalize('NFC'));
  return (lines === 'many' ? text.check(z.overwrite((value) => value.replace(/\r\n?/g, '\n'))) : text).check(
    z.trim(),
    z.minLength(1, length),
    z.maxLength(max, length),
  );
}

/** One line of text (a name, a facility): no line breaks, nothing hidden, at most `max` characters. */
export function textAnswer(label: Text, max: number) {
  return typedText(label, max, 'one').check(
    z.refine((value) => !lineBreak.test(value), { error: fieldMessages.oneLine(label) }),
    z.refine((value) => !hiddenInLine.test(value), { error: fieldMessages.hidden(label) }),
  );
}

/** Text over several lines (an address typed in a text area): newlines kept as LF, nothing else hidden. */
export function freeText(label: Text, max: number) {
  return typedText(label, max, 'many').check(z.refine((value) => !hiddenInText.test(value), { error: fieldMessages.hidden(label) }));
}

export function personName(label: Text) {
  return textAnswer(label, 50);
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, label: Text) {
  return z.enum(values, { error: requiredOr(label, fieldMessages.choice(label)) });
}

/** Any of a list of options, each at most once: so never more items than options. */
export function choices<const T extends readonly [string, ...string[]]>(values: T, label: Text) {
  const once = fieldMessages.eachOnce(label);
  return z
    .array(z.enum(values, { error: fieldMessages.choice(label) }), { error: fieldMessages.choice(label) })
    .check(
      z.maxLength(values.length, once),
      z.refine((list) => new Set(list).size === list.length, { error: once }),
    );
}

export function yesNo(label: Text) {
  const missing = fieldMessages.yesNoMissing(label);
  const malformed = fieldMessages.yesNo(label);
  return z.boolean({ error: (issue) => (issue.input === undefined ? missing : malformed) });
}

export function wholeNumber(label: Text, min: number, max: number) {
  const range = fieldMessages.wholeNumber(label, min, max);
  return z.int({ error: requiredOr(label, range) }).check(z.gte(min, range), z.lte(max, range));
}

/**
 * A 'YYYY-MM-DD' calendar date between 1900 and 2100. Schemas never read the clock: whether a date
 * is after the application date is checked by `schemaOn(applicationDate)` and by the engine.
 */
export function calendarDate(label: Text) {
  const format = message('date-format', {
    ko: `${label.ko}${topicParticle(label.ko)} YYYY-MM-DD 형식이어야 합니다`,
    en: `${label.en} must be in YYYY-MM-DD format`,
  });
  const real = message('date-invalid', {
    ko: `${label.ko}: 달력에 없는 날짜입니다`,
    en: `${label.en} is not a real calendar date`,
  });
  const plausible = message('date-range', {
    ko: `${label.ko}${topicParticle(label.ko)} 1900년부터 2100년 사이여야 합니다`,
    en: `${label.en} must be between 1900 and 2100`,
  });
  return z.string({ error: requiredOr(label, format) }).check(
    z.regex(ISO_DATE, { error: format, abort: true }),
    z.refine((value) => parseIsoDate(value) !== null, { error: real, abort: true }),
    z.refine((value) => value >= '1900-01-01' && value <= '2100-12-31', { error: plausible, abort: true }),
  );
}

/**
 * A Korean mobile number, 010-XXXX-XXXX: typed with dashes, spaces or neither ('010 5555 0000'), as
 * people write it, and stored with dashes. Browser and server read it with this one schema.
 */
export function mobilePhone(label: Text) {
  const format = message('phone-format', {
    ko: `${label.ko}${topicParticle(label.ko)} 010-1234-5678 형식의 휴대전화 번호여야 합니다`,
    en: `${label.en} must be a mobile number like 010-1234-5678`,
  });
  return z.pipe(
    z.string({ error: requiredOr(label, format) }).check(z.trim(), z.regex(/^010[ -]?\d{4}[ -]?\d{4}$/, format)),
    z.transform((value: string) => {
      const digits = value.replace(/[ -]/g, '');
      return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
    }),
  );
}

const emailFormat = message('email-format', {
  ko: '이메일 주소 형식이 올바르지 않습니다',
  en: 'Email address is not valid',
});

/** The longest address SMTP can deliver to (RFC 5321: a 256-octet path, less its angle brackets). */
const EMAIL_MAX = 254;

/** An e-mail address a message can be delivered to. */
export function emailAddress(label: Text) {
  return z.email({ error: emailFormat }).check(z.maxLength(EMAIL_MAX, fieldMessages.tooLong(label, EMAIL_MAX)));
}

export const applicantSchema = z.object(
  {
    name: personName(labels.applicantName),
    birthDate: calendarDate(labels.applicantBirthDate),
    phone: mobilePhone(labels.applicantPhone),
    email: z.optional(emailAddress(labels.email)),
    district: districtCodeSchema,
    address: freeText(labels.address, 200),
  },
  { error: fieldMessages.required(labels.applicant) },
);

export const householdSchema = z.object(
  {
    size: wholeNumber(labels.householdSize, 1, 20),
    monthlyIncome: wholeNumber(labels.monthlyIncome, 0, 1_000_000_000),
    category: choice(householdCategories, labels.category),
  },
  { error: fieldMessages.required(labels.household) },
);

export const guardianSchema = z.object({
  name: personName(labels.guardianName),
  relation: choice(guardianRelations, labels.guardianRelation),
  phone: mobilePhone(labels.guardianPhone),
});

/**
 * Both consents must be given to the text currently shown (its version), or the application is not
 * lawful: personal information (제15조) and, separately, health information (제23조).
 */
export function consentSchema(consents: Consents) {
  const outdated = message('consent-outdated', {
    ko: '동의서 내용이 바뀌었습니다. 새 동의서를 읽고 다시 동의해 주세요',
    en: 'The consent text has changed: read the current text and agree again',
  });
  const one = (version: string, required: string) =>
    z.object(
      { agreed: z.literal(true, { error: required }), version: z.literal(version, { error: outdated }) },
      { error: required },
    );
  const general = message('consent-required', {
    ko: '신청하려면 개인정보 수집·이용에 동의해야 합니다',
    en: 'To apply, agree to the collection and use of personal information',
  });
  const sensitive = message('sensitive-consent-required', {
    ko: '신청하려면 민감정보(건강정보) 처리에 별도로 동의해야 합니다',
    en: 'To apply, give the separate consent to process sensitive (health) information',
  });
  return z.object(
    { general: one(consents.general.version, general), sensitive: one(consents.sensitive.version, sensitive) },
    { error: general },
  );
}

const RRN = /^(\d{6})-?([1-8])(\d{6})$/;

/**
 * The birth date a resident registration number encodes: YYMMDD plus the century from the 7th
 * digit (1, 2, 5, 6: 1900s; 3, 4, 7, 8: 2000s — 5 to 8 are registered foreigners). Numbers issued
 * since October 2020 have random trailing digits, so there is no checksum to verify.
 */
export function rrnBirthDate(rrn: string): string | null {
  const match = RRN.exec(rrn);
  if (!match?.[1] || !match[2]) return null;
  const century = ['1', '2', '5', '6'].includes(match[2]) ? '19' : '20';
  const yymmdd = match[1];
  const iso = `${century}${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return parseIsoDate(iso) ? iso : null;
}

const rrnFormat = message('rrn-format', {
  ko: '주민등록번호는 YYMMDD-NNNNNNN 형식이며 7번째 자리는 1~8이어야 합니다',
  en: 'Resident registration number must be YYMMDD-NNNNNNN with a 7th digit from 1 to 8',
});

export const rrnSchema = z.pipe(
  z.string({ error: requiredOr(labels.rrn, rrnFormat) }).check(
    z.trim(),
    z.refine((value) => rrnBirthDate(value) !== null, { error: rrnFormat, abort: true }),
  ),
  z.transform((value: string) => value.replace(/^(\d{6})-?/, '$1-')),
);

/** Whether an issue's path ('applicant', 'birthDate') is `path` ('applicant.birthDate') or inside it. */
function isAtOrUnder(issuePath: readonly PropertyKey[] | undefined, path: string): boolean {
  const at = (issuePath ?? []).map(String).join('.');
  return at === path || at.startsWith(`${path}.`);
}

/**
 * When a rule between answers runs. Zod skips an object's refinements once any answer in it failed,
 * so a cross-field rule would wait for the whole form; a form in steps must hear of it on the step
 * that asks its answers. The rule runs as soon as every `answered` path holds a value that passed its
 * own checks and nothing under the `checked` paths (answers that may be left out) failed: it reads
 * only those paths, which are then as the schema's output says.
 */
export function whenAnswered(answered: string[], checked: string[] = []): z.core.$ZodSuperRefineParams {
  return {
    when: (payload) => {
      const failed = (path: string) => payload.issues.some((issue) => isAtOrUnder(issue.path, path));
      return answered.every((path) => answerAt(payload.value, path) !== undefined && !failed(path)) && checked.every((path) => !failed(path));
    },
  };
}

/** 'children.*.birthDate' as the paths it names in these answers: 'children.0.birthDate', … */
function concretePaths(answers: unknown, path: string): string[] {
  const star = path.indexOf('.*.');
  if (star < 0) return [path];
  const list = answerAt(answers, path.slice(0, star));
  if (!Array.isArray(list)) return [];
  return list.flatMap((_, i) => concretePaths(answers, `${path.slice(0, star)}.${i}.${path.slice(star + 3)}`));
}

/** A date the person gives (by answer path, '*' for each item of a list) and its label. */
export interface GivenDate {
  path: string;
  label: Text;
}

/**
 * Dates a person gives that cannot be after the application day (a birth date, a certificate's issue
 * date). Each is judged as soon as it is a real date itself, whatever else is missing, so the form
 * refuses a future birth date on the step that asks it with the message the server gives on receipt;
 * paths the answers do not hold (a pre-check's, which asks less) are passed over.
 */
export function datesNotAfter(applicationDay: string, dates: GivenDate[]) {
  const rules = dates.map(({ path, label }) => ({
    path,
    message: message('date-after-application', {
      ko: `${label.ko}${topicParticle(label.ko)} 신청일보다 늦을 수 없습니다`,
      en: `${label.en} cannot be after the application date`,
    }),
  }));
  return z.superRefine<unknown>(
    (answers, ctx) => {
      for (const rule of rules) {
        for (const path of concretePaths(answers, rule.path)) {
          const value = answerAt(answers, path);
          if (typeof value !== 'string' || parseIsoDate(value) === null || value <= applicationDay) continue;
          if (ctx.issues.some((issue) => isAtOrUnder(issue.path, path))) continue;
          ctx.addIssue({ code: 'custom', message: rule.message, path: path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)) });
        }
      }
    },
    { when: () => true },
  );
}

/**
 * Cross-field rules, with the path of the field to fix. Each runs once the answers it reads are valid
 * (`whenAnswered`), even while other answers are missing; the checks of the fields they read (dates,
 * rrn) abort on failure, so a rule never judges a malformed answer.
 */
export const crossField = {
  rrnAgrees(personLabel: Text) {
    const mismatch = message('rrn-birth-date-mismatch', {
      ko: `주민등록번호 앞자리와 7번째 자리가 ${personLabel.ko}의 생년월일과 맞지 않습니다`,
      en: `The resident registration number does not match the ${personLabel.en.toLowerCase()}'s birth date`,
    });
    return (rrn: string, birthDate: string, ctx: z.core.$RefinementCtx, path: (string | number)[]) => {
      if (rrnBirthDate(rrn) !== birthDate) ctx.addIssue({ code: 'custom', message: mismatch, path });
    };
  },
  guardianUnder(age: number) {
    const missing = message('guardian-required', {
      ko: `만 ${age}세 미만은 법정대리인 정보를 입력해야 합니다`,
      en: `Applicants under ${age} need a legal guardian: enter the guardian's details`,
    });
    return (birthDate: string, guardian: unknown, applicationDay: string, ctx: z.core.$RefinementCtx) => {
      // A birth date after the application day is refused by `datesNotAfter`; no age is computed for it.
      if (guardian === undefined && birthDate <= applicationDay && ageInFullYears(birthDate, applicationDay) < age) {
        ctx.addIssue({ code: 'custom', message: missing, path: ['guardian'] });
      }
    };
  },
};

/* ---------- preferences for matching a counsellor ---------- */

/** 'any' is an answer of its own (the person said it does not matter); leaving the question out says the same. */
export const counsellorGenderPreferences = ['any', 'female', 'male'] as const;
export const timePreferences = ['any', 'weekday-daytime', 'evening', 'saturday'] as const;

export const counsellorGenderOptions: { value: (typeof counsellorGenderPreferences)[number]; label: Text }[] = [
  { value: 'any', label: { ko: '상관없음', en: 'No preference' } },
  { value: 'female', label: { ko: '여성', en: 'Female' } },
  { value: 'male', label: { ko: '남성', en: 'Male' } },
];

export const timeOptions: { value: (typeof timePreferences)[number]; label: Text }[] = [
  { value: 'any', label: { ko: '상관없음', en: 'No preference' } },
  { value: 'weekday-daytime', label: { ko: '평일 낮', en: 'Weekday daytime' } },
  { value: 'evening', label: { ko: '평일 저녁', en: 'Weekday evening' } },
  { value: 'saturday', label: { ko: '토요일', en: 'Saturday' } },
];

/**
 * Wishes about the counsellor, all optional: matching weighs them (functions/matching/score.ts) but
 * never refuses a counsellor for them, and the eligibility rules never read them, so no
 * `eligibilitySchema` (nor the pre-check) includes them.
 */
const preferencesFormat = message('preferences-format', {
  ko: '상담사 희망 사항은 성별·언어·시간 항목으로 보내 주세요',
  en: 'Counsellor preferences must be sent as gender, language and time answers',
});

export const preferencesSchema = z.optional(
  z.object(
    {
      counsellorGender: z.optional(choice(counsellorGenderPreferences, labels.counsellorGender)),
      language: z.optional(choice(languages, labels.language)),
      time: z.optional(choice(timePreferences, labels.time)),
    },
    { error: preferencesFormat },
  ),
);

export const preferencesSection: FormSection = {
  id: 'preferences',
  title: labels.preferences,
  fields: [
    {
      name: 'preferences.counsellorGender',
      label: labels.counsellorGender,
      input: 'radio',
      required: false,
      options: counsellorGenderOptions,
      help: {
        ko: '상담사를 연결할 때 가능한 한 반영합니다. 희망 사항 때문에 연결이 늦어지지는 않습니다',
        en: 'Taken into account when a counsellor is matched, where possible; a wish never delays the match',
      },
    },
    {
      name: 'preferences.language',
      label: labels.language,
      input: 'select',
      required: false,
      options: languageOptions,
      help: { ko: '선택하지 않으면 한국어로 상담합니다', en: 'Sessions are in Korean unless you choose another language' },
    },
    { name: 'preferences.time', label: labels.time, input: 'radio', required: false, options: timeOptions },
  ],
};

/* ---------- form sections shared by the programmes ---------- */

export function applicantFields(birthDateHelp?: Text): FieldDef[] {
  return [
    { name: 'applicant.name', label: labels.applicantName, input: 'text', required: true },
    {
      name: 'applicant.birthDate',
      label: labels.applicantBirthDate,
      input: 'date',
      required: true,
      ...(birthDateHelp ? { help: birthDateHelp } : {}),
    },
    {
      name: 'applicant.phone',
      label: labels.applicantPhone,
      input: 'tel',
      required: true,
      help: { ko: '예: 010-1234-5678', en: 'e.g. 010-1234-5678' },
    },
    { name: 'applicant.email', label: labels.email, input: 'email', required: false },
    {
      name: 'applicant.district',
      label: labels.district,
      input: 'select',
      required: true,
      options: districts.map((d) => ({ value: d.code, label: { ko: d.ko, en: d.en } })),
      help: { ko: '신청은 거주 자치구에서 처리합니다', en: 'Your district of residence handles the application' },
    },
    { name: 'applicant.address', label: labels.address, input: 'textarea', required: true },
  ];
}

export function rrnField(whose: Text): FieldDef {
  return {
    name: 'rrn',
    label: labels.rrn,
    input: 'rrn',
    required: true,
    help: {
      ko: `${whose.ko}의 주민등록번호. 바우처 발급에 필요하며 암호화하여 보관합니다`,
      en: `The ${whose.en.toLowerCase()}'s number. Needed to issue the voucher; stored encrypted`,
    },
  };
}

export const householdSection: FormSection = {
  id: 'household',
  title: labels.household,
  fields: [
    {
      name: 'household.size',
      label: labels.householdSize,
      input: 'number',
      required: true,
      help: { ko: '주민등록표상 함께 사는 가족 수', en: 'People in your household register, you included' },
    },
    {
      name: 'household.monthlyIncome',
      label: labels.monthlyIncome,
      input: 'number',
      required: true,
      help: {
        ko: '가구원 전체의 월 소득(원). 담당자가 증빙으로 확인합니다',
        en: 'Monthly income of the whole household in KRW; a case manager checks it against evidence',
      },
    },
    { name: 'household.category', label: labels.category, input: 'radio', required: true, options: householdCategoryOptions },
  ],
};

export function guardianSection(age: number): FormSection {
  return {
    id: 'guardian',
    title: labels.guardian,
    fields: [
      {
        name: 'guardian.name',
        label: labels.guardianName,
        input: 'text',
        required: false,
        help: {
          ko: `신청인이 만 ${age}세 미만이면 필수. 법정대리인이 대신 신청하면 첫 단계에서 입력한 이름과 휴대전화를 채워 둡니다`,
          en: `Required when the applicant is under ${age}. When the guardian applies for them, the name and mobile from the first step are filled in`,
        },
      },
      { name: 'guardian.relation', label: labels.guardianRelation, input: 'select', required: false, options: guardianRelationOptions },
      { name: 'guardian.phone', label: labels.guardianPhone, input: 'tel', required: false },
    ],
  };
}

export function consentSection(consents: Consents): FormSection {
  return {
    id: 'consent',
    title: labels.consent,
    fields: [
      { name: 'consent.general.agreed', label: labels.generalConsent, help: consents.general.text, input: 'checkbox', required: true },
      {
        name: 'consent.sensitive.agreed',
        label: labels.sensitiveConsent,
        help: consents.sensitive.text,
        input: 'checkbox',
        required: true,
      },
    ],
  };
}
