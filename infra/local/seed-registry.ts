import { districtName, type DistrictCode } from '../../forms/districts';
import { programmeIds, qualifiedFor, type Agency, type Availability, type Counsellor, type Gender, type Language, type ProgrammeId, type QualificationId, type Training } from '../../functions/providers/registry';
import { serviceTypeProgramme } from '../../functions/providers/service-types';

/*
 * The local cloud's provider registry: 30 agencies (at least one in each of Seoul's 25 districts) and
 * about 150 counsellors, generated from a fixed seed so every start and every test sees the same one.
 * Names, addresses and numbers are made up.
 *
 * Tests rely on these (test/unit/local/seed-registry.test.ts checks each; keep them when editing):
 * - P-MAEUMSUP 마음숲 상담센터 and P-HANUL 하늘 아동발달센터, both in 종로구 (11110), together hold 40
 *   and more free places for each of: child-adolescent psychological counselling, both parent service
 *   types, youth type A and youth type B; with women and men, evening hours and English speakers
 *   among them. Every counsellor of these two has basic training for each programme of their agency.
 * - Exactly one counsellor in Seoul is a psychomotor therapist (at P-HANUL), weekly capacity 0 (full):
 *   waitlist tests raise it.
 * - Exactly one counsellor in Seoul is a music therapist (at P-HANUL), weekly capacity 1: the race for
 *   the last place.
 * - P-SOOP is in 강남구 (11680) and P-DAMDAM in 서초구 (11650).
 */

/** When the seed was "registered": fixed, so the seed is the same at every start. */
const SEEDED_AT = '2026-01-05T00:00:00.000Z';

/** mulberry32: a small deterministic PRNG, enough for made-up data. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

const random = prng(20260105);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** A date in month `months` counted from January 2018 (day 1–28), never later than June 2026. */
const monthDate = (months: number) => {
  const m = Math.min(months, 8 * 12 + 5);
  return `${2018 + Math.floor(m / 12)}-${pad((m % 12) + 1)}-${pad(random.int(1, 28))}`;
};

/* ---------- people ---------- */

const surnames = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '전', '홍', '고', '문', '양', '손', '배', '백', '허', '남', '심', '노', '하'];
const givenNames: Record<Gender, string[]> = {
  female: ['지은', '서연', '민지', '수빈', '지현', '혜진', '은영', '미경', '소영', '윤희', '다은', '하은', '유진', '보람', '선영', '정민', '예린', '수정', '지혜', '현주', '나래', '은비', '가영', '슬기', '채원', '민서', '경희', '명숙'],
  male: ['민준', '도현', '성민', '재훈', '준호', '현우', '상우', '태영', '동욱', '지훈', '영민', '승현', '건우', '정우', '진혁', '우진', '석진', '형준', '대호', '병철'],
};
const usedNames = new Set<string>();
function personName(gender: Gender): string {
  for (;;) {
    const name = random.pick(surnames) + random.pick(givenNames[gender]);
    if (!usedNames.has(name)) {
      usedNames.add(name);
      return name;
    }
  }
}

const typeB: QualificationId[] = ['mental-health-professional', 'clinical-psychologist-1', 'counselling-graduate-experienced'];
const typeA: QualificationId[] = ['clinical-psychologist-2', 'counselling-teacher', 'youth-counsellor', 'counselling-degree-experienced'];
/** Music and psychomotor therapists are never generated: the seed has exactly one of each, written out below. */
const therapists: QualificationId[] = ['speech-therapist', 'play-therapist', 'art-therapist', 'sensory-integration-therapist', 'cognitive-learning-therapist'];

type Focus = 'counselling' | 'youth' | 'development' | 'multicultural' | 'art' | 'learning' | 'sensory';

function qualificationsFor(focus: Focus): QualificationId[] {
  const counselling = () => (random.chance(0.4) ? random.pick(typeB) : random.pick(typeA));
  const withCounselling = (q: QualificationId, p: number) => (random.chance(p) ? [q, random.pick(typeA)] : [q]);
  switch (focus) {
    case 'counselling':
    case 'multicultural':
      return random.chance(0.25) ? [...new Set([counselling(), counselling()])] : [counselling()];
    case 'youth':
      return random.chance(0.5) ? [random.pick(['youth-counsellor', 'counselling-teacher'] as const)] : [counselling()];
    case 'development':
      return random.chance(0.3) ? [counselling()] : withCounselling(random.pick(therapists), 0.3);
    case 'art':
      return withCounselling(random.pick(['art-therapist', 'art-therapist', 'play-therapist'] as const), 0.4);
    case 'learning':
      return withCounselling(random.pick(['cognitive-learning-therapist', 'cognitive-learning-therapist', 'speech-therapist'] as const), 0.2);
    case 'sensory':
      return withCounselling(random.pick(['sensory-integration-therapist', 'sensory-integration-therapist', 'play-therapist'] as const), 0.2);
  }
}

function languagesFor(focus: Focus): Language[] {
  const others: Language[] = [];
  if (focus === 'multicultural') others.push(random.pick(['zh', 'vi', 'mn', 'ru', 'vi', 'zh'] as const));
  if (random.chance(0.12)) others.push('en');
  if (random.chance(0.03)) others.push(random.pick(['ja', 'zh'] as const));
  return ['ko', ...new Set(others)];
}

/** Basic training for most of the agency's programmes (not all: new staff wait for the next course), advanced for some. */
function trainingsFor(programmes: readonly ProgrammeId[], allBasic: boolean): Training[] {
  return programmes.flatMap((programme) => {
    if (!allBasic && random.chance(0.15)) return [];
    const basicMonth = random.int(0, 90);
    const basic: Training = { programme, level: 'basic', completedOn: monthDate(basicMonth) };
    if (!random.chance(0.3)) return [basic];
    return [basic, { programme, level: 'advanced', completedOn: monthDate(basicMonth + random.int(6, 24)) }];
  });
}

/** When a counsellor sees clients: within the agency's opening hours. */
function availabilityFor(spec: AgencySpec): Availability {
  const weekdayDaytime = random.chance(0.88);
  const evening = (spec.evening ?? false) && random.chance(0.5);
  const saturday = (spec.saturday ?? false) && random.chance(0.4);
  return { weekdayDaytime: weekdayDaytime || (!evening && !saturday), evening, saturday };
}

/** Most counsellors have 2–8 places a week; some are full (0). */
const capacityFor = () => (random.chance(0.1) ? 0 : random.int(2, 8));

/* ---------- agencies ---------- */

interface AgencySpec {
  id: string;
  name: { ko: string; en: string };
  district: DistrictCode;
  street: string;
  programmes: ProgrammeId[];
  focus: Focus;
  counsellors: number;
  evening?: boolean;
  saturday?: boolean;
}

const agencySpecs: AgencySpec[] = [
  { id: 'P-MAEUMSUP', name: { ko: '마음숲 상담센터', en: 'Maeumsup Counselling Centre' }, district: '11110', street: '율곡로', programmes: ['child-adolescent', 'parent', 'youth'], focus: 'counselling', counsellors: 0, evening: true, saturday: true },
  { id: 'P-HANUL', name: { ko: '하늘 아동발달센터', en: 'Hanul Child Development Centre' }, district: '11110', street: '종로', programmes: ['child-adolescent', 'parent'], focus: 'development', counsellors: 0, evening: true, saturday: true },
  { id: 'P-JUNGANG', name: { ko: '중앙 심리상담연구소', en: 'Jungang Psychological Counselling Institute' }, district: '11140', street: '을지로', programmes: ['child-adolescent', 'parent', 'youth'], focus: 'counselling', counsellors: 5 },
  { id: 'P-HAEOREUM', name: { ko: '해오름 아동청소년상담센터', en: 'Haeoreum Child and Youth Counselling Centre' }, district: '11170', street: '한강대로', programmes: ['child-adolescent', 'youth'], focus: 'counselling', counsellors: 4 },
  { id: 'P-SEOULSUP', name: { ko: '서울숲 가족상담센터', en: 'Seoulsup Family Counselling Centre' }, district: '11200', street: '왕십리로', programmes: ['parent', 'child-adolescent'], focus: 'counselling', counsellors: 5, saturday: true },
  { id: 'P-ACHASAN', name: { ko: '아차산 언어심리센터', en: 'Achasan Speech and Psychology Centre' }, district: '11215', street: '아차산로', programmes: ['child-adolescent', 'parent'], focus: 'development', counsellors: 5 },
  { id: 'P-HWIGYEONG', name: { ko: '휘경 마음상담센터', en: 'Hwigyeong Mind Counselling Centre' }, district: '11230', street: '왕산로', programmes: ['youth', 'parent'], focus: 'counselling', counsellors: 4, evening: true },
  { id: 'P-MANGU', name: { ko: '망우 가족심리센터', en: 'Mangu Family Psychology Centre' }, district: '11260', street: '망우로', programmes: ['child-adolescent', 'parent'], focus: 'counselling', counsellors: 4 },
  { id: 'P-SEONGBUK', name: { ko: '성북 아동발달지원센터', en: 'Seongbuk Child Development Support Centre' }, district: '11290', street: '보문로', programmes: ['child-adolescent'], focus: 'development', counsellors: 5 },
  { id: 'P-SUYU', name: { ko: '수유 청년마음센터', en: 'Suyu Youth Mind Centre' }, district: '11305', street: '도봉로', programmes: ['youth'], focus: 'youth', counsellors: 4, evening: true },
  { id: 'P-DOBONG', name: { ko: '도봉 마음쉼표 상담센터', en: 'Dobong Maeum Swimpyo Counselling Centre' }, district: '11320', street: '방학로', programmes: ['child-adolescent', 'parent', 'youth'], focus: 'counselling', counsellors: 4 },
  { id: 'P-NOWON', name: { ko: '노원 아이꿈 발달센터', en: 'Nowon Aikkum Development Centre' }, district: '11350', street: '동일로', programmes: ['child-adolescent', 'parent'], focus: 'development', counsellors: 6, saturday: true },
  { id: 'P-BULGWANG', name: { ko: '불광 심리상담센터', en: 'Bulgwang Psychological Counselling Centre' }, district: '11380', street: '통일로', programmes: ['child-adolescent', 'youth'], focus: 'counselling', counsellors: 4 },
  { id: 'P-SINCHON', name: { ko: '신촌 청년상담연구소', en: 'Sinchon Youth Counselling Institute' }, district: '11410', street: '연세로', programmes: ['youth'], focus: 'youth', counsellors: 5, evening: true, saturday: true },
  { id: 'P-MAPO', name: { ko: '마포 놀이심리센터', en: 'Mapo Play Psychology Centre' }, district: '11440', street: '양화로', programmes: ['child-adolescent', 'parent'], focus: 'development', counsellors: 5 },
  { id: 'P-MOKDONG', name: { ko: '목동 언어발달센터', en: 'Mokdong Speech Development Centre' }, district: '11470', street: '목동로', programmes: ['child-adolescent'], focus: 'learning', counsellors: 4 },
  { id: 'P-BANGHWA', name: { ko: '방화 가족상담센터', en: 'Banghwa Family Counselling Centre' }, district: '11500', street: '공항대로', programmes: ['parent', 'youth'], focus: 'counselling', counsellors: 4 },
  { id: 'P-GURO', name: { ko: '구로 다문화가족상담센터', en: 'Guro Multicultural Family Counselling Centre' }, district: '11530', street: '디지털로', programmes: ['child-adolescent', 'parent', 'youth'], focus: 'multicultural', counsellors: 6, saturday: true },
  { id: 'P-GASAN', name: { ko: '가산 마음돌봄센터', en: 'Gasan Mind Care Centre' }, district: '11545', street: '시흥대로', programmes: ['youth', 'parent'], focus: 'counselling', counsellors: 4, evening: true },
  { id: 'P-YEOUIDO', name: { ko: '여의도 심리상담센터', en: 'Yeouido Psychological Counselling Centre' }, district: '11560', street: '국제금융로', programmes: ['youth', 'parent'], focus: 'counselling', counsellors: 5, evening: true },
  { id: 'P-NORYANGJIN', name: { ko: '노량진 청년상담소', en: 'Noryangjin Youth Counselling Room' }, district: '11590', street: '노량진로', programmes: ['youth'], focus: 'youth', counsellors: 4, evening: true },
  { id: 'P-SILLIM', name: { ko: '신림 마음이음 상담센터', en: 'Sillim Maeum-ieum Counselling Centre' }, district: '11620', street: '신림로', programmes: ['youth', 'child-adolescent'], focus: 'multicultural', counsellors: 4 },
  { id: 'P-DAMDAM', name: { ko: '담담 상담실', en: 'Damdam Counselling Room' }, district: '11650', street: '서초대로', programmes: ['child-adolescent', 'parent', 'youth'], focus: 'counselling', counsellors: 3 },
  { id: 'P-SOOP', name: { ko: '숲속 심리상담소', en: 'Soop Psychology Clinic' }, district: '11680', street: '테헤란로', programmes: ['child-adolescent', 'parent', 'youth'], focus: 'counselling', counsellors: 6, evening: true, saturday: true },
  { id: 'P-JAMSIL', name: { ko: '잠실 아동청소년발달센터', en: 'Jamsil Child and Youth Development Centre' }, district: '11710', street: '올림픽로', programmes: ['child-adolescent', 'parent'], focus: 'development', counsellors: 5 },
  { id: 'P-GODEOK', name: { ko: '고덕 부모상담센터', en: 'Godeok Parent Counselling Centre' }, district: '11740', street: '천호대로', programmes: ['parent'], focus: 'counselling', counsellors: 3 },
  { id: 'P-HONGDAE', name: { ko: '홍대 예술치료센터', en: 'Hongdae Arts Therapy Centre' }, district: '11440', street: '와우산로', programmes: ['child-adolescent'], focus: 'art', counsellors: 4, saturday: true },
  { id: 'P-DAECHI', name: { ko: '대치 인지학습센터', en: 'Daechi Cognitive Learning Centre' }, district: '11680', street: '삼성로', programmes: ['child-adolescent'], focus: 'learning', counsellors: 4, evening: true },
  { id: 'P-YEONSINNAE', name: { ko: '연신내 가족상담센터', en: 'Yeonsinnae Family Counselling Centre' }, district: '11380', street: '연서로', programmes: ['parent', 'child-adolescent'], focus: 'counselling', counsellors: 4 },
  { id: 'P-CHEONHO', name: { ko: '천호 감각통합센터', en: 'Cheonho Sensory Integration Centre' }, district: '11740', street: '올림픽로', programmes: ['child-adolescent'], focus: 'sensory', counsellors: 4 },
];

/* ---------- the two agencies tests lean on, written out ---------- */

type Written = [name: string, gender: Gender, languages: Language[], qualifications: QualificationId[], capacity: number, hours: 'day' | 'day+evening' | 'evening+saturday' | 'day+saturday' | 'evening'];

const maeumsup: Written[] = [
  ['한지은', 'female', ['ko', 'en'], ['mental-health-professional'], 8, 'day+evening'],
  ['박도현', 'male', ['ko'], ['clinical-psychologist-1'], 7, 'day+evening'],
  ['최서연', 'female', ['ko'], ['counselling-graduate-experienced'], 6, 'day'],
  ['정민준', 'male', ['ko', 'en'], ['mental-health-professional', 'youth-counsellor'], 8, 'evening+saturday'],
  ['윤하은', 'female', ['ko'], ['clinical-psychologist-1'], 5, 'day+evening'],
  ['강수빈', 'female', ['ko'], ['counselling-graduate-experienced', 'counselling-teacher'], 6, 'day'],
  ['임재훈', 'male', ['ko'], ['mental-health-professional'], 7, 'day+evening'],
  ['송유진', 'female', ['ko', 'ja'], ['clinical-psychologist-1'], 4, 'day+saturday'],
  ['오예린', 'female', ['ko'], ['counselling-graduate-experienced'], 6, 'day+evening'],
  ['서현우', 'male', ['ko'], ['youth-counsellor'], 6, 'day+evening'],
  ['권보람', 'female', ['ko'], ['counselling-teacher'], 5, 'day'],
  ['황지현', 'female', ['ko', 'zh'], ['clinical-psychologist-2'], 4, 'day+saturday'],
  ['남상우', 'male', ['ko'], ['counselling-degree-experienced'], 3, 'evening'],
  ['문소영', 'female', ['ko'], ['youth-counsellor'], 0, 'day'],
];

const hanul: Written[] = [
  ['이수정', 'female', ['ko'], ['speech-therapist'], 6, 'day'],
  ['조민지', 'female', ['ko'], ['speech-therapist'], 5, 'day+evening'],
  ['배준호', 'male', ['ko'], ['play-therapist', 'clinical-psychologist-2'], 6, 'day+evening'],
  ['신다은', 'female', ['ko'], ['play-therapist'], 5, 'day+saturday'],
  ['허윤희', 'female', ['ko'], ['art-therapist', 'counselling-degree-experienced'], 5, 'day'],
  ['노태영', 'male', ['ko'], ['sensory-integration-therapist'], 4, 'day'],
  ['전나래', 'female', ['ko'], ['cognitive-learning-therapist'], 4, 'day'],
  // The only music therapist in Seoul, one place: the last-place race.
  ['고은비', 'female', ['ko'], ['music-therapist'], 1, 'day'],
  // The only psychomotor therapist in Seoul, full: waitlist tests raise the capacity.
  ['유성민', 'male', ['ko'], ['psychomotor-therapist'], 0, 'day'],
  ['홍미경', 'female', ['ko', 'en'], ['clinical-psychologist-2'], 6, 'day+evening'],
  ['백지혜', 'female', ['ko'], ['counselling-degree-experienced'], 5, 'day'],
  ['양동욱', 'male', ['ko'], ['mental-health-professional'], 6, 'day+evening'],
];

const hoursOf: Record<Written[5], Availability> = {
  day: { weekdayDaytime: true, evening: false, saturday: false },
  'day+evening': { weekdayDaytime: true, evening: true, saturday: false },
  'evening+saturday': { weekdayDaytime: false, evening: true, saturday: true },
  'day+saturday': { weekdayDaytime: true, evening: false, saturday: true },
  evening: { weekdayDaytime: false, evening: true, saturday: false },
};

/* ---------- building the registry ---------- */

function counsellor(agencyId: string, index: number, fields: Omit<Counsellor, 'counsellorId' | 'agencyId' | 'reserved' | 'createdAt' | 'updatedAt'>): Counsellor {
  return { counsellorId: `C-${agencyId.slice(2)}-${pad(index + 1)}`, agencyId, ...fields, reserved: 0, createdAt: SEEDED_AT, updatedAt: SEEDED_AT };
}

function counsellorsOf(spec: AgencySpec): Counsellor[] {
  const written = spec.id === 'P-MAEUMSUP' ? maeumsup : spec.id === 'P-HANUL' ? hanul : undefined;
  if (written) {
    return written.map(([name, gender, languages, held, weeklyCapacity, hours], i) =>
      counsellor(spec.id, i, {
        name,
        gender,
        languages,
        qualifications: held,
        trainings: trainingsFor(spec.programmes, true),
        availability: hoursOf[hours],
        weeklyCapacity,
        active: true,
      }),
    );
  }
  return Array.from({ length: spec.counsellors }, (_, i) => {
    const gender: Gender = random.chance(0.72) ? 'female' : 'male';
    return counsellor(spec.id, i, {
      name: personName(gender),
      gender,
      languages: languagesFor(spec.focus),
      qualifications: qualificationsFor(spec.focus),
      trainings: trainingsFor([...spec.programmes, ...earlierPost(spec.programmes)], false),
      availability: availabilityFor(spec),
      weeklyCapacity: capacityFor(),
      active: random.chance(0.95),
    });
  });
}

/** Some counsellors trained for another programme in an earlier post. */
function earlierPost(programmes: readonly ProgrammeId[]): ProgrammeId[] {
  const others = programmeIds.filter((p) => !programmes.includes(p));
  return others.length && random.chance(0.1) ? [random.pick(others)] : [];
}

/** What an agency offers: the service types of its programmes that some counsellor of it is qualified for. */
function serviceTypesOf(programmes: readonly ProgrammeId[], counsellors: readonly Counsellor[]): string[] {
  return [...serviceTypeProgramme]
    .filter(([serviceType, programme]) => programmes.includes(programme) && counsellors.some((c) => qualifiedFor(c.qualifications, serviceType)))
    .map(([serviceType]) => serviceType);
}

function agencyOf(spec: AgencySpec, counsellors: readonly Counsellor[]): Agency {
  const serviceTypes = serviceTypesOf(spec.programmes, counsellors);
  const district = districtName(spec.district);
  const evening = spec.evening ?? false;
  const saturday = spec.saturday ?? false;
  return {
    agencyId: spec.id,
    name: spec.name,
    district: spec.district,
    address: `서울특별시 ${district.ko} ${spec.street} ${random.int(1, 299)}, ${random.int(2, 7)}층`,
    phone: `02-${random.int(2000, 9999)}-${pad(random.int(0, 9999), 4)}`,
    ...(random.chance(0.6) ? { email: `info@${spec.id.slice(2).toLowerCase()}.or.kr` } : {}),
    // Programmes it has something to offer in.
    programmes: spec.programmes.filter((p) => serviceTypes.some((s) => serviceTypeProgramme.get(s) === p)),
    serviceTypes,
    openingHours: {
      weekdayDaytime: true,
      evening,
      saturday,
      note: `평일 09:00–18:00${evening ? ', 화·목 21:00까지' : ''}${saturday ? ', 토 10:00–14:00' : ''}`,
    },
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  };
}

function buildRegistry() {
  const agencies: Agency[] = [];
  const counsellors: Counsellor[] = [];
  for (const [name] of [...maeumsup, ...hanul]) usedNames.add(name);
  for (const spec of agencySpecs) {
    const own = counsellorsOf(spec);
    agencies.push(agencyOf(spec, own));
    counsellors.push(...own);
  }
  return { agencies, counsellors };
}

/** The seeded registry (built once, deterministically, when this module loads). */
export const seededRegistry = buildRegistry();
