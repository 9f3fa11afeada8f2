import { describe, expect, it } from 'vitest';
import { rankCandidates, reasonOf } from '../../../functions/matching/rank';
import { classScore, counsellorPoints, score, weights } from '../../../functions/matching/score';
import { counsellor, on, request } from './fixtures';

const mapo = '11440';
const seodaemun = '11410'; // borders 마포
const jongno = '11110'; // two steps from 마포 (서대문 or 중 between)
const gangdong = '11740'; // four steps from 마포 (용산, 강남, 광진)

describe('rankCandidates: the reasons', () => {
  const asked = request({ preferences: { counsellorGender: 'female', time: 'evening' } });

  it('says why in Korean and English: "같은 구, 야간 가능, 여성 상담사 희망 충족"', () => {
    const [best] = rankCandidates(asked, [counsellor({ availability: { weekdayDaytime: true, evening: true, saturday: false } })], on);
    expect(best!.reason).toEqual({
      ko: '같은 구, 야간 가능, 여성 상담사 희망 충족, 남은 자리 3/5',
      en: 'Same district, evenings available, female counsellor as asked, 3 of 5 places free',
    });
    expect(best!.score).toBe(40 + 20 + 15 + 6);
    expect(best!.parts.map((p) => [p.factor, p.points])).toEqual([
      ['distance', 40],
      ['time', 20],
      ['gender', 15],
      ['load', 6],
    ]);
  });

  it('keeps a wish not met among the parts, with 0 points, but out of the reason', () => {
    const [best] = rankCandidates(asked, [counsellor({ gender: 'male', agencyDistrict: seodaemun })], on);
    expect(best!.parts).toContainEqual({ factor: 'time', points: 0, reason: { ko: '야간 불가', en: 'no evenings' } });
    expect(best!.parts).toContainEqual({ factor: 'gender', points: 0, reason: { ko: '여성 상담사 희망 미충족', en: 'not the female counsellor asked for' } });
    expect(best!.reason).toEqual({ ko: '이웃 구(서대문구), 남은 자리 3/5', en: 'Neighbouring district (Seodaemun-gu), 3 of 5 places free' });
  });

  it('names a farther district and how far it is, and the language asked', () => {
    const vietnamese = request({ preferences: { language: 'vi' } });
    const [best] = rankCandidates(vietnamese, [counsellor({ agencyDistrict: jongno, languages: ['ko', 'vi'] })], on);
    expect(best!.reason).toEqual({ ko: '종로구(2개 구 거리), 베트남어 상담 가능, 남은 자리 3/5', en: 'Jongno-gu (2 districts away), counselling in Vietnamese, 3 of 5 places free' });
  });

  it('gives every part when none earned a point', () => {
    const full = counsellor({ agencyDistrict: gangdong, gender: 'male', weeklyCapacity: 30, reserved: 29 });
    const [only] = rankCandidates(asked, [full], on);
    expect(only!.score).toBe(0);
    expect(only!.reason).toEqual({
      ko: '강동구(4개 구 거리), 야간 불가, 여성 상담사 희망 미충족, 남은 자리 1/30',
      en: 'Gangdong-gu (4 districts away), no evenings, not the female counsellor asked for, 1 of 30 places free',
    });
  });

  it('says when the counsellor is the one from before', () => {
    const extension = request({ previousCounsellorId: 'C-mapo-1' });
    const [same, other] = rankCandidates(extension, [counsellor({ counsellorId: 'C-new' }), counsellor()], on);
    expect(same!.counsellorId).toBe('C-mapo-1');
    expect(same!.reason.ko).toBe('같은 구, 이전 상담사(연속성), 남은 자리 3/5');
    expect(other!.parts).toContainEqual({ factor: 'continuity', points: 0, reason: { ko: '새 상담사', en: 'a new counsellor' } });
  });

  it('joins reasons of the parts given', () => {
    expect(reasonOf([])).toEqual({ ko: '', en: '' });
  });
});

describe('rankCandidates: the order', () => {
  it('puts the nearer counsellor first when nothing else differs', () => {
    const ranked = rankCandidates(request(), [counsellor({ counsellorId: 'far', agencyDistrict: jongno }), counsellor({ counsellorId: 'near', agencyDistrict: seodaemun }), counsellor({ counsellorId: 'here' })], on);
    expect(ranked.map((c) => c.counsellorId)).toEqual(['here', 'near', 'far']);
  });

  it('weighs a language asked over two districts of travel, and distance over a gender wish', () => {
    const vietnamese = request({ preferences: { language: 'vi', counsellorGender: 'male' } });
    const ranked = rankCandidates(
      vietnamese,
      [
        counsellor({ counsellorId: 'korean-here' }),
        counsellor({ counsellorId: 'vietnamese-two-away', agencyDistrict: jongno, languages: ['ko', 'vi'] }),
        counsellor({ counsellorId: 'male-two-away', agencyDistrict: jongno, gender: 'male' }),
      ],
      on,
    );
    expect(ranked.map((c) => c.counsellorId)).toEqual(['vietnamese-two-away', 'korean-here', 'male-two-away']);
  });

  it('spreads load: of two equal counsellors, the one with more room first', () => {
    const ranked = rankCandidates(request(), [counsellor({ counsellorId: 'busy', reserved: 4 }), counsellor({ counsellorId: 'free', reserved: 0 })], on);
    expect(ranked.map((c) => [c.counsellorId, c.parts.at(-1)!.points])).toEqual([
      ['free', 10],
      ['busy', 2],
    ]);
  });

  it('keeps the earlier counsellor first on an extension even from a farther agency', () => {
    const extension = request({ previousCounsellorId: 'before' });
    const ranked = rankCandidates(extension, [counsellor({ counsellorId: 'newcomer', reserved: 0 }), counsellor({ counsellorId: 'before', agencyDistrict: gangdong, reserved: 4 })], on);
    expect(ranked.map((c) => c.counsellorId)).toEqual(['before', 'newcomer']);
  });

  it('breaks equal scores by distance, then by counsellor id', () => {
    const here = (id: string) => counsellor({ counsellorId: id, weeklyCapacity: 30, reserved: 29 }); // 40 + 0
    const near = (id: string) => counsellor({ counsellorId: id, agencyDistrict: seodaemun, weeklyCapacity: 10, reserved: 0 }); // 30 + 10
    expect(score(request(), here('x'), on)).toBe(40);
    expect(score(request(), near('x'), on)).toBe(40);
    const ranked = rankCandidates(request(), [near('c-near'), near('a-near'), here('b-here'), here('a-here')], on);
    expect(ranked.map((c) => c.counsellorId)).toEqual(['a-here', 'b-here', 'a-near', 'c-near']);
  });

  it('gives at most `limit` candidates, and none when nobody fits', () => {
    const many = Array.from({ length: 9 }, (_, i) => counsellor({ counsellorId: `C${i}` }));
    expect(rankCandidates(request(), many, on)).toHaveLength(5);
    expect(rankCandidates(request(), many, on, 2).map((c) => c.counsellorId)).toEqual(['C0', 'C1']);
    expect(rankCandidates(request(), [counsellor({ active: false })], on)).toEqual([]);
  });

  it('carries the agency into the candidate', () => {
    expect(rankCandidates(request(), [counsellor()], on)[0]).toMatchObject({ counsellorId: 'C-mapo-1', agencyId: 'A-mapo', agencyName: { ko: '마포마음센터', en: 'Mapo Mind Centre' }, agencyDistrict: mapo });
  });
});

describe('the score', () => {
  it('splits into the class score and the counsellor points', () => {
    const extension = request({ previousCounsellorId: 'C-mapo-1', preferences: { counsellorGender: 'female' } });
    expect(classScore(extension, counsellor(), on)).toBe(weights.distance.sameDistrict + weights.gender);
    expect(counsellorPoints(extension, counsellor())).toBe(weights.continuity + 6);
    expect(score(extension, counsellor(), on)).toBe(40 + 15 + 50 + 6);
  });

  it('has no class score where a class constraint fails, but ignores capacity and exclusions', () => {
    expect(classScore(request(), counsellor({ active: false }), on)).toBeUndefined();
    expect(classScore(request({ excludedCounsellorIds: ['C-mapo-1'] }), counsellor({ reserved: 5 }), on)).toBe(40);
  });
});
