/**
 * What the registry API accepts: an agency (제공기관) and a counsellor (제공인력), created whole or
 * changed field by field. Built like the forms (forms/common.ts): typed text is NFC, trimmed, capped
 * and free of hidden characters, and every message is in Korean and English. Every object is strict:
 * what Dolbom derives — the youth voucher types and the service types a counsellor is qualified for,
 * their free places — and the places held (`reserved`, changed only by offers and service starts) are
 * refused by name when sent, never silently dropped: they are never typed in.
 */
import * as z from 'zod/mini';
import { calendarDate, choice, choices, idsOf, requiredOr, textAnswer, wholeNumber, yesNo } from '../../forms/common';
import { districtCodeSchema } from '../../forms/districts';
import { topicParticle, type Text } from '../../forms/i18n';
import { programmeTerms } from '../../forms/terms';
import { fieldMessages, lookupMessage, message } from '../../forms/messages';
import type { FieldProblem } from '../commons/problems';
import { languages, programmeIds, qualifications } from './registry';
import { registryLabels } from './registry-labels';
import { serviceTypeProgramme } from './service-types';


const L = registryLabels;

const serviceTypeIds = [...serviceTypeProgramme.keys()] as [string, ...string[]];

/* ---------- pieces ---------- */

/** A list of options, each at most once, and at least one. */
function someOf<const T extends readonly [string, ...string[]]>(values: T, label: Text) {
  const atLeastOne = message('choose-at-least-one', {
    ko: `${label.ko}: 하나 이상 골라 주세요`,
    en: `${label.en}: choose at least one`,
  });
  return choices(values, label).check(z.minLength(1, atLeastOne));
}

const PHONE_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  // Seoul (02), then the other area codes, mobile numbers, internet phones, and 4+4 company numbers.
  [/^(02)(\d{3,4})(\d{4})$/, (m) => `${m[1]}-${m[2]}-${m[3]}`],
  [/^(0[3-6][1-5])(\d{3,4})(\d{4})$/, (m) => `${m[1]}-${m[2]}-${m[3]}`],
  [/^(01[016789])(\d{3,4})(\d{4})$/, (m) => `${m[1]}-${m[2]}-${m[3]}`],
  [/^(070)(\d{4})(\d{4})$/, (m) => `${m[1]}-${m[2]}-${m[3]}`],
  [/^(1[5-9]\d{2})(\d{4})$/, (m) => `${m[1]}-${m[2]}`],
];

/**
 * A Korean phone number as it is kept (`02-123-4567`, `031-1234-5678`, `010-1234-5678`, `1588-1234`),
 * from what a person types with or without spaces and dashes; undefined if it is no such number.
 */
export function normalisePhone(typed: string): string | undefined {
  const trimmed = typed.trim();
  if (!/^\d[\d -]*$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/[ -]/g, '');
  for (const [pattern, format] of PHONE_PATTERNS) {
    const match = pattern.exec(digits);
    if (match) return format(match);
  }
  return undefined;
}

function phoneNumber(label: Text) {
  const format = message('phone-number-format', {
    ko: `${label.ko}${topicParticle(label.ko)} 02-123-4567처럼 지역번호를 포함한 전화번호여야 합니다`,
    en: `${label.en} must be a phone number with its area code, like 02-123-4567`,
  });
  return z.pipe(
    z.string({ error: requiredOr(label, format) }).check(z.refine((value) => normalisePhone(value) !== undefined, { error: format, abort: true })),
    z.transform((value) => normalisePhone(value)!),
  );
}

const EMAIL_MAX = 254;
const emailAddress = (label: Text) =>
  z
    .email({ error: message('email-format', { ko: '이메일 주소 형식이 올바르지 않습니다', en: 'Email address is not valid' }) })
    .check(z.maxLength(EMAIL_MAX, fieldMessages.tooLong(label, EMAIL_MAX)));

/** A field Dolbom keeps for itself: absent from every body, refused by name (`{"not": {}}` in the OpenAPI document). */
function refused(reason: string) {
  return z.optional(z.never({ error: reason }));
}

const derivedFromQualifications = (label: Text) =>
  refused(
    message('derived-field', {
      ko: `${label.ko}${topicParticle(label.ko)} 자격에서 자동으로 정해지므로 보낼 수 없습니다. 자격(qualifications)을 고쳐 주세요`,
      en: `${label.en} are derived from the qualifications and cannot be sent: change the qualifications instead`,
    }),
  );

const counsellorKeptFields = {
  youthVoucherTypes: derivedFromQualifications(L.youthVoucherTypes),
  qualifiedServiceTypes: derivedFromQualifications(L.qualifiedServiceTypes),
  freePlaces: refused(
    message('derived-free-places', {
      ko: '남은 자리는 주간 담당 가능 건수에서 배정된 자리를 빼서 계산하므로 보낼 수 없습니다. 주간 담당 가능 건수(weeklyCapacity)를 고쳐 주세요',
      en: 'Free places are weekly capacity less reserved places and cannot be sent: change weeklyCapacity instead',
    }),
  ),
  reserved: refused(
    message('reserved-not-typed', {
      ko: '배정된 자리는 제공 제안과 서비스 시작·종료로만 바뀌므로 보낼 수 없습니다',
      en: 'Reserved places change only through offers and the start and end of services, and cannot be sent',
    }),
  ),
};

const nothingToChange = message('nothing-to-change', {
  ko: '바꿀 항목을 하나 이상 보내 주세요',
  en: 'Send at least one field to change',
});

/** A partial update carries at least one field to change (the refused ones do not count). */
function someChange(value: Record<string, unknown>): boolean {
  return Object.entries(value).some(([key, v]) => v !== undefined && !(key in counsellorKeptFields));
}

/* ---------- agency ---------- */

const availabilityOf = (labels: { weekdayDaytime: Text; evening: Text; saturday: Text }) => ({
  weekdayDaytime: yesNo(labels.weekdayDaytime),
  evening: yesNo(labels.evening),
  saturday: yesNo(labels.saturday),
});

const agencyFields = {
  name: z.strictObject(
    { ko: textAnswer(L.agencyNameKo, 100), en: textAnswer(L.agencyNameEn, 100) },
    { error: fieldMessages.required(L.agencyName) },
  ),
  district: districtCodeSchema,
  address: textAnswer(L.agencyAddress, 200),
  phone: phoneNumber(L.agencyPhone),
  email: z.optional(emailAddress(L.agencyEmail)),
  programmes: someOf(programmeIds, L.programmes),
  serviceTypes: someOf(serviceTypeIds, L.serviceTypes),
  openingHours: z.strictObject(
    {
      ...availabilityOf({ weekdayDaytime: L.openWeekdayDaytime, evening: L.openEvening, saturday: L.openSaturday }),
      note: z.optional(textAnswer(L.openingNote, 200)),
    },
    { error: fieldMessages.required(L.openingHours) },
  ),
};

/** One message per service type, naming its programme (registered once, at load, like every message). */
const outsideProgrammes = new Map(
  programmeTerms.flatMap((p) =>
    p.serviceTypes.map((s) => [
      s.id,
      message('service-type-programme', {
        ko: `'${s.label.ko}'${topicParticle(s.label.ko)} ${p.name.ko} 서비스입니다. 제공 사업에 이 사업을 넣거나 이 유형을 빼 주세요`,
        en: `'${s.label.en}' is a service of ${p.name.en}: add that programme to the programmes offered, or remove this service type`,
      }),
    ]),
  ),
);

/**
 * Service types outside the agency's programmes, as field problems at their place in the list: for
 * a create (in the schema) and for an update, which is judged against the agency it changes.
 */
export function serviceTypesOutside(programmes: readonly string[], serviceTypes: readonly string[]): FieldProblem[] {
  return serviceTypes.flatMap((serviceType, index) => {
    const programme = serviceTypeProgramme.get(serviceType);
    if (!programme || programmes.includes(programme)) return [];
    const { code, text } = lookupMessage(outsideProgrammes.get(serviceType)!)!;
    return [{ field: `serviceTypes.${index}`, code, message: text }];
  });
}

export const agencyCreateSchema = z.strictObject(agencyFields).check(
  z.superRefine((agency, ctx) => {
    if (!Array.isArray(agency.programmes) || !Array.isArray(agency.serviceTypes)) return;
    for (const problem of serviceTypesOutside(agency.programmes, agency.serviceTypes)) {
      ctx.addIssue({ code: 'custom', message: problem.message.en, path: problem.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
    }
  }),
);

/**
 * A change to an agency: any of its fields, each whole (a new `name` is both names, new opening hours
 * all of them). Service types are checked against the programmes the agency will have, by the use case.
 */
export const agencyUpdateSchema = z
  .strictObject(Object.fromEntries(Object.entries(agencyFields).map(([key, schema]) => [key, z.optional(schema)])) as {
    [K in keyof typeof agencyFields]: z.ZodMiniOptional<(typeof agencyFields)[K]>;
  })
  .check(z.refine(someChange, { error: nothingToChange }));

export type AgencyInput = z.output<typeof agencyCreateSchema>;
export type AgencyChanges = z.output<typeof agencyUpdateSchema>;

/* ---------- counsellor ---------- */

export const trainingLevels = ['basic', 'advanced'] as const;

const training = (today?: string) => {
  const future = message('training-in-future', {
    ko: '교육 이수일은 오늘보다 늦을 수 없습니다. 이수를 마친 교육만 입력해 주세요',
    en: 'A training completion date cannot be in the future: enter only trainings already completed',
  });
  const date = calendarDate(L.trainingCompletedOn);
  return z.strictObject(
    {
      programme: choice(programmeIds, L.trainingProgramme),
      level: choice(trainingLevels, L.trainingLevel),
      completedOn: today === undefined ? date : date.check(z.refine((day) => day <= today, { error: future })),
    },
    { error: fieldMessages.required(L.training) },
  );
};

const trainingRepeated = message('training-repeated', {
  ko: '같은 사업의 같은 교육 과정은 한 번만 입력해 주세요',
  en: 'Enter each programme and level of training once',
});
const advancedWithoutBasic = message('advanced-before-basic', {
  ko: '심화 교육은 같은 사업의 기본 교육을 먼저 이수해야 합니다. 기본 교육과 그 이수일을 함께 입력해 주세요',
  en: 'Advanced training follows the basic training of the same programme: enter the basic training, completed no later',
});

/** At most two trainings per programme (basic, advanced), each once; advanced after basic. */
const trainingsOf = (today?: string) =>
  z
    .array(training(today), { error: fieldMessages.required(L.trainings) })
    .check(
      z.maxLength(programmeIds.length * trainingLevels.length, fieldMessages.eachOnce(L.trainings)),
      z.superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((t, index) => {
          const key = `${t.programme}#${t.level}`;
          if (seen.has(key)) ctx.addIssue({ code: 'custom', message: trainingRepeated, path: [index] });
          seen.add(key);
          if (t.level !== 'advanced') return;
          const basic = list.find((b) => b.programme === t.programme && b.level === 'basic');
          if (!basic || basic.completedOn > t.completedOn) ctx.addIssue({ code: 'custom', message: advancedWithoutBasic, path: [index, 'level'] });
        });
      }),
    );

const counsellorFields = (today?: string) => ({
  name: textAnswer(L.counsellorName, 50),
  gender: choice(['female', 'male'], L.gender),
  languages: someOf(languages, L.languages),
  qualifications: someOf(idsOf(qualifications), L.qualifications),
  trainings: trainingsOf(today),
  availability: z.strictObject(
    availabilityOf({ weekdayDaytime: L.availableWeekdayDaytime, evening: L.availableEvening, saturday: L.availableSaturday }),
    { error: fieldMessages.required(L.availability) },
  ),
  weeklyCapacity: wholeNumber(L.weeklyCapacity, 0, 40),
  active: yesNo(L.active),
});

/**
 * A new counsellor. Without `today` (an ISO date) no date is judged against the clock — that is the
 * form for documents and forms being filled in; the API passes today's date in Seoul.
 */
export function counsellorCreateSchema(today?: string) {
  const fields = counsellorFields(today);
  return z.strictObject({ ...fields, active: z._default(fields.active, true), ...counsellorKeptFields });
}

/** A change to a counsellor: any of their fields, each whole (new trainings replace the list). */
export function counsellorUpdateSchema(today?: string) {
  const fields = counsellorFields(today);
  const optional = Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, z.optional(schema)])) as {
    [K in keyof typeof fields]: z.ZodMiniOptional<(typeof fields)[K]>;
  };
  return z.strictObject({ ...optional, ...counsellorKeptFields }).check(z.refine(someChange, { error: nothingToChange }));
}

type Kept = keyof typeof counsellorKeptFields;
export type CounsellorInput = Omit<z.output<ReturnType<typeof counsellorCreateSchema>>, Kept>;
export type CounsellorChanges = Omit<z.output<ReturnType<typeof counsellorUpdateSchema>>, Kept>;
