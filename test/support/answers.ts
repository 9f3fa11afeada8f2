/**
 * Valid answers for each programme as a client would send them (phone without dashes, rrn without
 * dash), and a patcher for variations. Shared by the forms and eligibility tests.
 */
type Json = { [key: string]: unknown };

/** Deep-merges plain objects; arrays and other values in `patch` replace; `undefined` deletes. */
export function patched<T extends Json>(base: T, patch: Json): T {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    if (value === undefined) delete out[key];
    else if (isPlain(value) && isPlain(current)) out[key] = patched(current, value);
    else out[key] = value;
  }
  return out as T;
}

function isPlain(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A moment on a Seoul calendar day (noon KST), as the server would pass it. */
export function seoulNoon(day: string): Date {
  return new Date(`${day}T12:00:00+09:00`);
}

export const consent = {
  general: { agreed: true, version: '2026.1' },
  sensitive: { agreed: true, version: '2026.1' },
};

export const childExample = {
  applicant: {
    name: '김서연',
    birthDate: '1985-04-12',
    phone: '01012345678',
    email: 'seoyeon@example.kr',
    district: '11440',
    address: '서울시 마포구 백범로31길 21',
  },
  relationToChild: 'parent',
  child: { name: '이하준', birthDate: '2014-09-03', inHighSchool: false },
  rrn: '1409033123456',
  household: { size: 4, monthlyIncome: 5_000_000, category: 'general' },
  serviceType: 'play-therapy',
  needEvidence: { kind: 'doctor-opinion', issuedOn: '2026-01-20' },
  consent,
};

export const parentExample = {
  applicant: {
    name: '박지민',
    birthDate: '1988-02-29',
    phone: '010-9876-5432',
    district: '11680',
    address: '서울시 강남구 테헤란로 1',
  },
  rrn: '880229-2123456',
  household: { size: 3, monthlyIncome: 6_000_000, category: 'general' },
  basis: 'parent-of-child',
  children: [{ birthDate: '2019-05-01', relation: 'child', hasServiceNeed: true }],
  childEmotionalProblem: true,
  ownEmotionalProblem: false,
  consent,
};

export const youthExample = {
  applicant: {
    name: '최민준',
    birthDate: '2000-07-07',
    phone: '010-5555-0000',
    district: '11620',
    address: '서울시 관악구 관악로 1',
  },
  leavingCare: false,
  referredByMentalHealthCentre: false,
  otherYouthCounselling: false,
  counsellorType: 'A',
  concerns: ['anxiety'],
  consent,
};

/** The day the examples are judged on unless a test says otherwise. */
export const exampleDay = '2026-03-15';
