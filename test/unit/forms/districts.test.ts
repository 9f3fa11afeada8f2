import { describe, expect, it } from 'vitest';
import { districtCodes, districtCodeSchema, districtName, districts, isDistrictCode } from '../../../forms/districts';
import { fieldErrors } from '../../../forms/errors';

describe('districts', () => {
  it("lists Seoul's 25 districts with unique 시군구 codes", () => {
    expect(districts).toHaveLength(25);
    expect(new Set(districtCodes).size).toBe(25);
    for (const code of districtCodes) expect(code).toMatch(/^11\d{3}$/);
  });

  it('names a district in Korean and English', () => {
    expect(districtName('11440')).toEqual({ ko: '마포구', en: 'Mapo-gu' });
    expect(districtName('11740')).toEqual({ ko: '강동구', en: 'Gangdong-gu' });
  });

  it('recognises only Seoul codes', () => {
    expect(isDistrictCode('11680')).toBe(true);
    expect(isDistrictCode('41110')).toBe(false);
    const result = districtCodeSchema.safeParse('41110');
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)[0]).toMatchObject({
      code: 'district',
      message: { ko: '서울시 25개 자치구 중 하나를 선택해 주세요', en: "Choose one of Seoul's 25 districts" },
    });
  });
});
