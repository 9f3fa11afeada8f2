import { describe, expect, it, vi } from 'vitest';
import { districtCodes } from '../../../forms/districts';
import {
  basicTrainingDone,
  freePlaces,
  qualifiedFor,
  youthVoucherTypesOf,
  type Counsellor,
} from '../../../functions/providers/registry';
import { agencyCreateSchema, counsellorCreateSchema } from '../../../functions/providers/registry-schema';
import { seededRegistry, seededStaff } from '../../../infra/local/seed';

const { agencies, counsellors } = seededRegistry;
const today = '2026-06-30';
const agencyOf = (c: Counsellor) => agencies.find((a) => a.agencyId === c.agencyId)!;
const holding = (qualification: string) => counsellors.filter((c) => (c.qualifications as string[]).includes(qualification));

describe('the seeded registry', () => {
  it('has an agency in each of the 25 districts, about 30 agencies and about 150 counsellors', () => {
    expect(new Set(agencies.map((a) => a.district))).toEqual(new Set(districtCodes));
    expect(agencies.length).toBeGreaterThanOrEqual(28);
    expect(agencies.length).toBeLessThanOrEqual(35);
    expect(counsellors.length).toBeGreaterThanOrEqual(140);
    expect(counsellors.length).toBeLessThanOrEqual(160);
  });

  it('is what the API would accept: every agency and counsellor passes the create schemas', () => {
    for (const { agencyId: _id, createdAt: _c, updatedAt: _u, ...agency } of agencies) {
      expect(agencyCreateSchema.safeParse(agency).error?.issues, agency.name.ko).toBeUndefined();
    }
    for (const { counsellorId, agencyId: _a, reserved, createdAt: _c, updatedAt: _u, ...counsellor } of counsellors) {
      expect(counsellorCreateSchema(today).safeParse(counsellor).error?.issues, counsellorId).toBeUndefined();
      expect(reserved).toBe(0);
    }
  });

  it('has unique ids and the same registry at every start', async () => {
    expect(new Set(agencies.map((a) => a.agencyId)).size).toBe(agencies.length);
    expect(new Set(counsellors.map((c) => c.counsellorId)).size).toBe(counsellors.length);
    // A fresh module load builds it again from the fixed seed: another object, the same registry.
    vi.resetModules();
    const again = await import('../../../infra/local/seed-registry');
    expect(again.seededRegistry).not.toBe(seededRegistry);
    expect(again.seededRegistry).toEqual(seededRegistry);
  });

  it('varies genders, languages, availability, capacity, trainings and qualifications', () => {
    const share = (f: (c: Counsellor) => boolean) => counsellors.filter(f).length / counsellors.length;
    expect(share((c) => c.gender === 'male')).toBeGreaterThan(0.15);
    expect(share((c) => c.gender === 'female')).toBeGreaterThan(0.5);
    expect(share((c) => c.languages.length === 1 && c.languages[0] === 'ko')).toBeGreaterThan(0.6);
    for (const language of ['en', 'zh', 'vi']) expect(counsellors.some((c) => (c.languages as string[]).includes(language)), language).toBe(true);
    expect(share((c) => c.availability.evening)).toBeGreaterThan(0.1);
    expect(share((c) => c.weeklyCapacity === 0)).toBeGreaterThan(0.03);
    expect(share((c) => c.weeklyCapacity >= 2 && c.weeklyCapacity <= 8)).toBeGreaterThan(0.6);
    expect(counsellors.some((c) => c.trainings.some((t) => t.level === 'advanced'))).toBe(true);
    expect(counsellors.some((c) => agencyOf(c).programmes.some((p) => !basicTrainingDone(c.trainings, p, today)))).toBe(true);
    for (const q of ['speech-therapist', 'play-therapist', 'art-therapist', 'sensory-integration-therapist', 'cognitive-learning-therapist']) {
      expect(holding(q).length, q).toBeGreaterThan(0);
    }
    expect(counsellors.filter((c) => youthVoucherTypesOf(c.qualifications).includes('B')).length).toBeGreaterThan(20);
    expect(counsellors.filter((c) => youthVoucherTypesOf(c.qualifications).join() === 'A').length).toBeGreaterThan(20);
  });

  it('lets every agency offer only service types within its programmes that a counsellor of it is qualified for', () => {
    for (const agency of agencies) {
      const own = counsellors.filter((c) => c.agencyId === agency.agencyId);
      expect(own.length, agency.agencyId).toBeGreaterThan(0);
      for (const serviceType of agency.serviceTypes) {
        expect(own.some((c) => qualifiedFor(c.qualifications, serviceType)), `${agency.agencyId} ${serviceType}`).toBe(true);
      }
    }
  });
});

describe('what the lead’s tests rely on', () => {
  const jongno = counsellors.filter((c) => c.agencyId === 'P-MAEUMSUP' || c.agencyId === 'P-HANUL');

  it('has P-MAEUMSUP and P-HANUL in 종로구, P-SOOP in 강남구 and P-DAMDAM in 서초구', () => {
    const where = Object.fromEntries(agencies.map((a) => [a.agencyId, a.district]));
    expect(where).toMatchObject({ 'P-MAEUMSUP': '11110', 'P-HANUL': '11110', 'P-SOOP': '11680', 'P-DAMDAM': '11650' });
    expect(agencies.find((a) => a.agencyId === 'P-MAEUMSUP')!.name.ko).toBe('마음숲 상담센터');
    expect(agencies.find((a) => a.agencyId === 'P-HANUL')!.name.ko).toBe('하늘 아동발달센터');
  });

  it('gives every counsellor of P-MAEUMSUP and P-HANUL basic training for each programme of their agency', () => {
    for (const c of jongno) {
      for (const programme of agencyOf(c).programmes) expect(basicTrainingDone(c.trainings, programme, today), `${c.counsellorId} ${programme}`).toBe(true);
    }
  });

  it.each([
    ['child-adolescent', 'psychological-counselling', undefined],
    ['parent', 'parent-counselling', undefined],
    ['parent', 'prenatal-counselling', undefined],
    ['youth', 'youth-counselling', 'A'],
    ['youth', 'youth-counselling', 'B'],
  ] as const)('has 40 and more free places in 종로구 for %s %s %s', (programme, serviceType, voucher) => {
    const fit = jongno.filter(
      (c) =>
        c.active &&
        agencyOf(c).programmes.includes(programme) &&
        agencyOf(c).serviceTypes.includes(serviceType) &&
        qualifiedFor(c.qualifications, serviceType) &&
        basicTrainingDone(c.trainings, programme, today) &&
        (voucher === undefined || youthVoucherTypesOf(c.qualifications).includes(voucher)),
    );
    expect(fit.reduce((sum, c) => sum + freePlaces(c), 0)).toBeGreaterThanOrEqual(40);
  });

  it('has women and men, evening hours and English speakers with free places in 종로구', () => {
    const free = jongno.filter((c) => c.active && freePlaces(c) > 0);
    expect(free.some((c) => c.gender === 'female')).toBe(true);
    expect(free.some((c) => c.gender === 'male')).toBe(true);
    expect(free.some((c) => c.availability.evening)).toBe(true);
    expect(free.some((c) => c.languages.includes('en'))).toBe(true);
  });

  it('has exactly one psychomotor therapist in Seoul, active and full', () => {
    const [only, ...others] = holding('psychomotor-therapist');
    expect(others).toEqual([]);
    expect(only).toMatchObject({ weeklyCapacity: 0, active: true });
    expect(agencyOf(only!).serviceTypes).toContain('psychomotor');
  });

  it('has exactly one music therapist in Seoul, with one place', () => {
    const [only, ...others] = holding('music-therapist');
    expect(others).toEqual([]);
    expect(only).toMatchObject({ weeklyCapacity: 1, active: true });
    expect(agencyOf(only!).serviceTypes).toContain('music-therapy');
    expect(agencies.filter((a) => a.serviceTypes.includes('music-therapy') || a.serviceTypes.includes('psychomotor')).map((a) => a.agencyId)).toEqual([only!.agencyId]);
  });

  it('signs in provider staff scoped to their agency', () => {
    const agencyOfUser = Object.fromEntries(seededStaff.filter((u) => u.groups.includes('provider')).map((u) => [u.username, u.agency]));
    expect(agencyOfUser).toEqual({ 'provider.maeum': 'P-MAEUMSUP', 'provider.hanul': 'P-HANUL', 'provider.soop': 'P-SOOP' });
    expect(seededStaff.map((u) => u.username)).toEqual(expect.arrayContaining(['caseworker.jongno', 'caseworker.mapo', 'supervisor', 'operator']));
  });
});
