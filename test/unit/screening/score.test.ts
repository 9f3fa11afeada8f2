import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Gad7Items, Phq9Items } from '../../../functions/screening/answers';
import { bandIds, type BandId } from '../../../functions/screening/instruments';
import { changeOf, riskOf, scoreGad7, scorePhq9, screen } from '../../../functions/screening/score';

/** Answers summing to `total`, filled from item 1 onwards with 3s, item 9 (PHQ-9) left at 0 where it can be. */
function phq9Summing(total: number): Phq9Items {
  const items = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  let left = total;
  for (let i = 0; i < 9 && left > 0; i++) {
    items[i] = Math.min(3, left);
    left -= items[i]!;
  }
  return items as Phq9Items;
}

function gad7Summing(total: number): Gad7Items {
  const items = [0, 0, 0, 0, 0, 0, 0];
  let left = total;
  for (let i = 0; i < 7 && left > 0; i++) {
    items[i] = Math.min(3, left);
    left -= items[i]!;
  }
  return items as Gad7Items;
}

describe('scorePhq9', () => {
  it.each<[number, BandId, string]>([
    [0, 'minimal', '최소'],
    [4, 'minimal', '최소'],
    [5, 'mild', '경도'],
    [9, 'mild', '경도'],
    [10, 'moderate', '중등도'],
    [14, 'moderate', '중등도'],
    [15, 'moderately-severe', '중등도-고도'],
    [19, 'moderately-severe', '중등도-고도'],
    [20, 'severe', '고도'],
    [27, 'severe', '고도'],
  ])('puts a total of %i in the %s band', (total, band, ko) => {
    const score = scorePhq9(phq9Summing(total));
    expect(score).toMatchObject({ instrument: 'phq9', total, band });
    expect(score.label.ko).toBe(ko);
  });

  it('adds the items as given', () => {
    expect(scorePhq9([3, 2, 1, 0, 3, 2, 1, 0, 1])).toEqual({ instrument: 'phq9', total: 13, band: 'moderate', label: { ko: '중등도', en: 'moderate' } });
  });

  it('refuses answers that were not validated: a wrong count or an item out of range', () => {
    expect(() => scorePhq9([1, 1, 1] as unknown as Phq9Items)).toThrow(RangeError);
    expect(() => scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 4] as Phq9Items)).toThrow(RangeError);
    expect(() => scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 1.5] as Phq9Items)).toThrow(RangeError);
  });
});

describe('scoreGad7', () => {
  it.each<[number, BandId]>([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('puts a total of %i in the %s band', (total, band) => {
    expect(scoreGad7(gad7Summing(total))).toMatchObject({ instrument: 'gad7', total, band });
  });

  it('has no "moderately severe" band', () => {
    for (let total = 0; total <= 21; total++) expect(scoreGad7(gad7Summing(total)).band).not.toBe('moderately-severe');
  });
});

describe('riskOf', () => {
  it('is low with nothing to judge, and for totals just under the thresholds', () => {
    expect(riskOf({})).toEqual({ high: false, reasons: [] });
    expect(riskOf({ phq9: phq9Summing(19), gad7: gad7Summing(14) })).toEqual({ high: false, reasons: [] });
  });

  it('is high at PHQ-9 20 and at GAD-7 15', () => {
    expect(riskOf({ phq9: phq9Summing(20) }).reasons.map((r) => r.code)).toEqual(['phq9-severe']);
    expect(riskOf({ gad7: gad7Summing(15) }).reasons.map((r) => r.code)).toEqual(['gad7-severe']);
  });

  it('is high when PHQ-9 item 9 alone is above 0, with a total that is otherwise minimal', () => {
    const risk = riskOf({ phq9: [0, 0, 0, 0, 0, 0, 0, 0, 1], gad7: [0, 0, 0, 0, 0, 0, 0] });
    expect(risk.high).toBe(true);
    expect(risk.reasons).toEqual([
      {
        code: 'phq9-self-harm',
        text: {
          ko: 'PHQ-9 9번 문항(죽음·자해에 대한 생각) 1점: 총점과 관계없이 즉시 확인이 필요합니다',
          en: 'PHQ-9 item 9 (thoughts of death or self-harm) scored 1: urgent follow-up whatever the total',
        },
      },
    ]);
  });

  it('gives every reason that holds, in the order of the rule', () => {
    const risk = riskOf({ phq9: [3, 3, 3, 3, 3, 3, 3, 3, 2], gad7: [3, 3, 3, 3, 3, 0, 0] });
    expect(risk.reasons.map((r) => r.code)).toEqual(['phq9-severe', 'phq9-self-harm', 'gad7-severe']);
  });
});

describe('screen', () => {
  it('scores both questionnaires of a test session and judges the risk from both', () => {
    const result = screen({ phq9: [2, 2, 2, 2, 2, 2, 1, 1, 0], gad7: [3, 3, 3, 2, 2, 1, 1] });
    expect(result.phq9).toMatchObject({ total: 14, band: 'moderate' });
    expect(result.gad7).toMatchObject({ total: 15, band: 'severe' });
    expect(result.risk.reasons.map((r) => r.code)).toEqual(['gad7-severe']);
  });
});

describe('changeOf', () => {
  it('says the change of total and band for the closure summary', () => {
    const change = changeOf(scorePhq9(phq9Summing(18)), scorePhq9(phq9Summing(9)));
    expect(change).toMatchObject({ instrument: 'phq9', totalChange: -9, bandChange: -2, direction: 'improved' });
    expect(change.summary).toEqual({ ko: 'PHQ-9 18 → 9, 중등도-고도 → 경도', en: 'PHQ-9 18 → 9, moderately severe → mild' });
  });

  it('tells a worse and an unchanged score apart', () => {
    expect(changeOf(scoreGad7(gad7Summing(8)), scoreGad7(gad7Summing(15)))).toMatchObject({ totalChange: 7, bandChange: 2, direction: 'worsened' });
    expect(changeOf(scoreGad7(gad7Summing(6)), scoreGad7(gad7Summing(6)))).toMatchObject({ totalChange: 0, bandChange: 0, direction: 'unchanged' });
  });

  it('refuses to compare two instruments', () => {
    expect(() => changeOf(scorePhq9(phq9Summing(5)), scoreGad7(gad7Summing(5)))).toThrow(RangeError);
  });
});

const item = fc.integer({ min: 0, max: 3 });
const phq9Items = fc.tuple(item, item, item, item, item, item, item, item, item);
const gad7Items = fc.tuple(item, item, item, item, item, item, item);
const sum = (items: readonly number[]) => items.reduce((a, b) => a + b, 0);

describe('properties of the scores and the risk rule', () => {
  it('the total is the sum of the items, and the band its place on the published cut-offs', () => {
    fc.assert(
      fc.property(phq9Items, gad7Items, (p, g) => {
        const phq = scorePhq9(p);
        const gad = scoreGad7(g);
        expect(phq.total).toBe(sum(p));
        expect(gad.total).toBe(sum(g));
        // The cut-offs written out again, independently of instruments.ts.
        const phqBand = phq.total <= 4 ? 'minimal' : phq.total <= 9 ? 'mild' : phq.total <= 14 ? 'moderate' : phq.total <= 19 ? 'moderately-severe' : 'severe';
        const gadBand = gad.total <= 4 ? 'minimal' : gad.total <= 9 ? 'mild' : gad.total <= 14 ? 'moderate' : 'severe';
        expect(phq.band).toBe(phqBand);
        expect(gad.band).toBe(gadBand);
      }),
    );
  });

  it('the band never goes down as the total goes up', () => {
    fc.assert(
      fc.property(phq9Items, phq9Items, (a, b) => {
        const [low, high] = sum(a) <= sum(b) ? [scorePhq9(a), scorePhq9(b)] : [scorePhq9(b), scorePhq9(a)];
        expect(bandIds.indexOf(low.band)).toBeLessThanOrEqual(bandIds.indexOf(high.band));
      }),
    );
    fc.assert(
      fc.property(gad7Items, gad7Items, (a, b) => {
        const [low, high] = sum(a) <= sum(b) ? [scoreGad7(a), scoreGad7(b)] : [scoreGad7(b), scoreGad7(a)];
        expect(bandIds.indexOf(low.band)).toBeLessThanOrEqual(bandIds.indexOf(high.band));
      }),
    );
  });

  it('the risk is high exactly when PHQ-9 ≥ 20, PHQ-9 item 9 > 0 or GAD-7 ≥ 15', () => {
    fc.assert(
      fc.property(fc.option(phq9Items, { nil: undefined }), fc.option(gad7Items, { nil: undefined }), (p, g) => {
        const rule = (p !== undefined && (sum(p) >= 20 || p[8] > 0)) || (g !== undefined && sum(g) >= 15);
        const risk = riskOf({ ...(p ? { phq9: p } : {}), ...(g ? { gad7: g } : {}) });
        expect(risk.high).toBe(rule);
        expect(risk.reasons.length > 0).toBe(rule);
      }),
    );
  });
});
