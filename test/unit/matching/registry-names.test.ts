import { describe, expect, it } from 'vitest';
import { firstNameOf } from '../../../functions/matching/registry-names';

describe('firstNameOf', () => {
  it.each([
    ['김지은', '지은'],
    ['이솔', '솔'],
    ['남궁민수', '민수'],
    ['황보혜정', '혜정'],
    ['김 지은', '지은'],
    ['  박서연 ', '서연'],
    ['Anna Kim', 'Anna'],
    ['Bolormaa', 'Bolormaa'],
    ['', ''],
  ])('%s → %s', (full, first) => {
    expect(firstNameOf(full)).toBe(first);
  });

  it('never gives the surname of a Hangul name', () => {
    for (const name of ['최민호', '정하늘', '선우진', '제갈명']) expect(name.startsWith(firstNameOf(name))).toBe(false);
  });
});
