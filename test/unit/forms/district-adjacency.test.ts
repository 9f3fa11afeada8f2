import { describe, expect, it } from 'vitest';
import { adjacentDistricts, districtBorders, districtDistance } from '../../../forms/district-adjacency';
import { districtCodes, type DistrictCode } from '../../../forms/districts';

/** Codes by Korean name, so the expectations read like the map. */
const code = {
  종로: '11110', 중: '11140', 용산: '11170', 성동: '11200', 광진: '11215', 동대문: '11230', 중랑: '11260', 성북: '11290',
  강북: '11305', 도봉: '11320', 노원: '11350', 은평: '11380', 서대문: '11410', 마포: '11440', 양천: '11470', 강서: '11500',
  구로: '11530', 금천: '11545', 영등포: '11560', 동작: '11590', 관악: '11620', 서초: '11650', 강남: '11680', 송파: '11710',
  강동: '11740',
} as const satisfies Record<string, DistrictCode>;

const northOfHan: DistrictCode[] = [code.종로, code.중, code.용산, code.성동, code.광진, code.동대문, code.중랑, code.성북, code.강북, code.도봉, code.노원, code.은평, code.서대문, code.마포];

describe('the district adjacency graph', () => {
  it('has every one of the 25 districts, and only them', () => {
    expect(Object.keys(districtBorders).sort()).toEqual([...districtCodes].sort());
    for (const list of Object.values(districtBorders)) for (const other of list) expect(districtCodes).toContain(other);
  });

  it('lists every edge from both ends, once, and no district as its own neighbour', () => {
    for (const from of districtCodes) {
      const list = districtBorders[from];
      expect(new Set(list).size, from).toBe(list.length);
      expect(list, from).not.toContain(from);
      for (const to of list) expect(districtBorders[to], `${from}–${to}`).toContain(from);
    }
  });

  it('is connected: every district reaches every other', () => {
    for (const a of districtCodes) for (const b of districtCodes) expect(Number.isInteger(districtDistance(a, b))).toBe(true);
  });

  it('crosses the Han river only by the bridges named in its rule', () => {
    const crossings = districtCodes
      .filter((a) => northOfHan.includes(a))
      .flatMap((a) => adjacentDistricts(a).filter((b) => !northOfHan.includes(b)).map((b) => `${a}-${b}`))
      .sort();
    expect(crossings).toEqual(
      [
        [code.마포, code.강서],
        [code.마포, code.영등포],
        [code.용산, code.영등포],
        [code.용산, code.동작],
        [code.용산, code.서초],
        [code.용산, code.강남],
        [code.성동, code.강남],
        [code.광진, code.강남],
        [code.광진, code.송파],
        [code.광진, code.강동],
      ]
        .map(([a, b]) => `${a}-${b}`)
        .sort(),
    );
  });

  it('names the neighbours of 종로구 as on the map', () => {
    expect(adjacentDistricts(code.종로)).toEqual([code.중, code.동대문, code.성북, code.은평, code.서대문].sort());
  });

  it.each([
    ['종로', '종로', 0],
    ['종로', '중', 1],
    ['마포', '영등포', 1],
    ['광진', '송파', 1],
    ['종로', '강남', 3],
    ['도봉', '강동', 4],
    ['도봉', '강서', 6],
    ['은평', '금천', 4], // 마포, 영등포, 구로
  ] as const)('counts %s → %s as %i steps, the same both ways', (a, b, steps) => {
    expect(districtDistance(code[a], code[b])).toBe(steps);
    expect(districtDistance(code[b], code[a])).toBe(steps);
  });

  it('is a metric: zero only on the diagonal, and the triangle inequality holds', () => {
    for (const a of districtCodes) {
      for (const b of districtCodes) {
        expect(districtDistance(a, b) === 0).toBe(a === b);
        for (const c of adjacentDistricts(b)) expect(districtDistance(a, c)).toBeLessThanOrEqual(districtDistance(a, b) + 1);
      }
    }
  });

  it('refuses a code outside Seoul', () => {
    expect(() => adjacentDistricts('41110' as DistrictCode)).toThrow(RangeError);
    expect(() => districtDistance('11110', '41110' as DistrictCode)).toThrow(RangeError);
  });
});
