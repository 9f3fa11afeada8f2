import { describe, expect, it } from 'vitest';
import { constraints, fits, unmetConstraints } from '../../../functions/matching/constraints';
import { counsellor, on, request } from './fixtures';

describe('the hard constraints', () => {
  it('are met by a trained, qualified, active counsellor with room, at an agency offering the service', () => {
    expect(unmetConstraints(request(), counsellor(), on)).toEqual([]);
    expect(fits(request(), counsellor(), on)).toBe(true);
  });

  it('each have a name and a label in Korean and English', () => {
    expect(constraints.map((c) => c.name)).toEqual([
      'active',
      'agency-programme',
      'agency-service-type',
      'basic-training',
      'qualification',
      'youth-voucher-type',
      'free-places',
      'not-excluded',
    ]);
    for (const c of constraints) expect(c.label.ko).toMatch(/[가-힣]/);
  });

  it.each([
    ['an inactive counsellor', counsellor({ active: false }), request(), 'active'],
    ['an agency without the programme', counsellor({ agencyProgrammes: ['parent'] }), request(), 'agency-programme'],
    ['an agency without the service type', counsellor({ agencyServiceTypes: ['parent-counselling'] }), request(), 'agency-service-type'],
    ['no basic training for the programme', counsellor({ trainings: [{ programme: 'parent', level: 'basic', completedOn: '2025-01-01' }] }), request(), 'basic-training'],
    ['basic training finished after the day', counsellor({ trainings: [{ programme: 'youth', level: 'basic', completedOn: '2026-03-16' }] }), request(), 'basic-training'],
    ['a type-A qualification for a type-B voucher', counsellor(), request({ voucherType: 'B' }), 'youth-voucher-type'],
    ['no therapist qualification for a therapy', counsellor({ agencyProgrammes: ['child-adolescent'], agencyServiceTypes: ['speech'], trainings: [{ programme: 'child-adolescent', level: 'basic', completedOn: '2025-01-01' }] }), request({ programme: 'child-adolescent', serviceType: 'speech', voucherType: undefined }), 'qualification'],
    ['no free place', counsellor({ weeklyCapacity: 4, reserved: 4 }), request(), 'free-places'],
    ['no capacity at all', counsellor({ weeklyCapacity: 0, reserved: 0 }), request(), 'free-places'],
    ['a counsellor who declined this application', counsellor(), request({ excludedCounsellorIds: ['C-other', 'C-mapo-1'] }), 'not-excluded'],
  ])('refuse %s', (_what, who, asked, name) => {
    expect(unmetConstraints(asked, who, on)).toEqual([name]);
    expect(fits(asked, who, on)).toBe(false);
  });

  it('count basic training finished on the day itself, whatever the time given', () => {
    const trainedToday = counsellor({ trainings: [{ programme: 'youth', level: 'basic', completedOn: on }] });
    expect(fits(request(), trainedToday, on)).toBe(true);
    expect(fits(request(), trainedToday, `${on}T23:59:59+09:00`)).toBe(true);
  });

  it('let a type-B qualification serve both voucher types', () => {
    const senior = counsellor({ qualifications: ['clinical-psychologist-1'] });
    expect(fits(request({ voucherType: 'B' }), senior, on)).toBe(true);
    expect(fits(request({ voucherType: 'A' }), senior, on)).toBe(true);
  });

  it('need a speech therapist for speech and any counselling qualification for counselling', () => {
    const child = { agencyProgrammes: ['child-adolescent' as const], agencyServiceTypes: ['speech', 'psychological-counselling'], trainings: [{ programme: 'child-adolescent' as const, level: 'basic' as const, completedOn: '2025-01-01' }] };
    const speech = request({ programme: 'child-adolescent', serviceType: 'speech', voucherType: undefined });
    const talk = request({ programme: 'child-adolescent', serviceType: 'psychological-counselling', voucherType: undefined });
    expect(fits(speech, counsellor({ ...child, qualifications: ['speech-therapist'] }), on)).toBe(true);
    expect(fits(talk, counsellor({ ...child, qualifications: ['speech-therapist'] }), on)).toBe(false);
    expect(fits(talk, counsellor({ ...child, qualifications: ['counselling-teacher'] }), on)).toBe(true);
  });

  it('list every constraint a counsellor fails, in order', () => {
    const far = counsellor({ active: false, weeklyCapacity: 2, reserved: 2, trainings: [] });
    expect(unmetConstraints(request({ excludedCounsellorIds: ['C-mapo-1'] }), far, on)).toEqual(['active', 'basic-training', 'free-places', 'not-excluded']);
  });
});
