import { describe, expect, it } from 'vitest';
import { getProgramme } from '../../../forms';
import type { Application } from '../../../functions/applications/application';
import { checkEligibility } from '../../../functions/eligibility/check-eligibility';
import { priorityRankOf } from '../../../functions/eligibility/priority';
import { matchRequestOf, preferencesOf } from '../../../functions/matching/match-request';
import { childExample, parentExample, patched, seoulNoon, youthExample } from '../../support/answers';

/** An application as stored: the answers without the registration number. */
function stored(programme: string, answers: Record<string, unknown>): Pick<Application, 'id' | 'programme' | 'district' | 'answers'> {
  const { rrn: _sealed, ...kept } = answers;
  return { id: 'APP-1', programme, district: (answers.applicant as { district: string }).district, answers: kept };
}

const context = { rank: 2, waitingSince: '2026-03-20T01:00:00.000Z', excludedCounsellorIds: ['C-declined'] };

describe('matchRequestOf', () => {
  it('reads a child application: the chosen service type, no voucher type, no wishes', () => {
    expect(matchRequestOf(stored('child-adolescent', childExample), context)).toEqual({
      applicationId: 'APP-1',
      programme: 'child-adolescent',
      district: '11440',
      serviceType: 'play-therapy',
      preferences: {},
      rank: 2,
      waitingSince: '2026-03-20T01:00:00.000Z',
      excludedCounsellorIds: ['C-declined'],
    });
  });

  it('reads a parent application: the service type follows the basis', () => {
    expect(matchRequestOf(stored('parent', parentExample), context).serviceType).toBe('parent-counselling');
    const pregnant = patched(parentExample, { basis: 'pregnant', children: [], childEmotionalProblem: false });
    expect(matchRequestOf(stored('parent', pregnant), context).serviceType).toBe('prenatal-counselling');
  });

  it('reads a youth application: the one youth service and the voucher type chosen as counsellor type', () => {
    const request = matchRequestOf(stored('youth', patched(youthExample, { counsellorType: 'B' })), { ...context, previousCounsellorId: 'C-before' });
    expect(request).toMatchObject({ programme: 'youth', district: '11620', serviceType: 'youth-counselling', voucherType: 'B', previousCounsellorId: 'C-before' });
  });

  it('carries the wishes, leaving out "no preference"', () => {
    const answers = patched(youthExample, { preferences: { counsellorGender: 'female', language: 'vi', time: 'evening' } });
    expect(matchRequestOf(stored('youth', answers), context).preferences).toEqual({ counsellorGender: 'female', language: 'vi', time: 'evening' });
    expect(preferencesOf({ preferences: { counsellorGender: 'any', time: 'any', language: 'ko' } })).toEqual({ language: 'ko' });
    expect(preferencesOf({})).toEqual({});
  });

  it('reads nothing that names or reaches the person', () => {
    const request = matchRequestOf(stored('parent', patched(parentExample, { preferences: { time: 'saturday' } })), context);
    expect(JSON.stringify(request)).not.toMatch(/박지민|010|테헤란|1988|6000000|rrn/);
  });

  it('refuses an application without a Seoul district or of an unknown programme', () => {
    expect(() => matchRequestOf({ ...stored('youth', youthExample), district: '41110' }, context)).toThrow(RangeError);
    expect(() => matchRequestOf({ ...stored('youth', youthExample), programme: 'pets' }, context)).toThrow(RangeError);
  });
});

describe('priorityRankOf', () => {
  it('reads the rank the eligibility decision stored', () => {
    const referred = patched(youthExample, { referredByMentalHealthCentre: true });
    const eligibility = checkEligibility(getProgramme('youth'), referred, { applicationDate: seoulNoon('2026-03-15') });
    expect(priorityRankOf(eligibility)).toBe(2);
    expect(priorityRankOf(JSON.parse(JSON.stringify(eligibility)))).toBe(2);
  });

  it('refuses an application whose eligibility was not decided', () => {
    expect(() => priorityRankOf(undefined)).toThrow(TypeError);
    expect(() => priorityRankOf({ outcome: 'eligible' })).toThrow(TypeError);
    expect(() => priorityRankOf({ priority: { rank: 0 } })).toThrow(TypeError);
  });
});
