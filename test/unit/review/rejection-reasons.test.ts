import { describe, expect, it } from 'vitest';
import { reasonNotGiven, rejectionReasonCodes, rejectionReasonLabels } from '../../../functions/review/rejection-reasons';

describe('rejectionReasonLabels', () => {
  it.each(rejectionReasonCodes)('words %s for the applicant in Korean and English, without the code', (code) => {
    const label = rejectionReasonLabels[code];
    expect(label.ko).toMatch(/[가-힣]/);
    expect(label.en.length).toBeGreaterThan(15);
    for (const text of [label.ko, label.en]) {
      expect(text).not.toContain(code);
      expect(text).not.toMatch(/[{}$]|undefined/);
    }
  });

  it('gives every reason its own words', () => {
    const ko = rejectionReasonCodes.map((c) => rejectionReasonLabels[c].ko);
    const en = rejectionReasonCodes.map((c) => rejectionReasonLabels[c].en);
    expect(new Set(ko).size).toBe(ko.length);
    expect(new Set(en).size).toBe(en.length);
  });

  it('offers the reasons the issue lists, and other', () => {
    expect(rejectionReasonCodes).toEqual(
      expect.arrayContaining(['income-over-threshold', 'not-seoul-resident', 'age-outside-programme', 'duplicate-application', 'supplement-not-provided', 'equivalent-service', 'other']),
    );
  });

  it('tells an applicant whose rejection came with no reason where to ask', () => {
    expect(reasonNotGiven.ko).toContain('구청');
    expect(reasonNotGiven.en).toContain('district office');
  });
});
