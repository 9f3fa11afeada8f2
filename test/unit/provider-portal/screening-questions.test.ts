import { describe, expect, it } from 'vitest';
import { gad7, phq9 } from '../../../functions/screening/instruments';
import { gad7Text, phq9Text } from '../../../web/src/provider/screening-questions';

describe('the questions the portal asks', () => {
  it('has one item text per item of each instrument, and one answer per score 0 to its maximum', () => {
    for (const [instrument, text] of [[phq9, phq9Text], [gad7, gad7Text]] as const) {
      expect(text.id).toBe(instrument.id);
      expect(text.items).toHaveLength(instrument.items);
      expect(text.scale).toHaveLength(instrument.itemMax + 1);
    }
  });

  it('asks PHQ-9 item 9 — the item the risk rule reads on its own — about death and self-harm', () => {
    expect(phq9Text.items[8]!.ko).toContain('죽는 것이 더 낫다');
    expect(phq9Text.items[8]!.en).toContain('better off dead');
  });
});
