/**
 * Which of Seoul's 25 districts border which, as data: matching scores a counsellor by how far their
 * agency's district is from the applicant's, in steps across this graph (weekly sessions for months,
 * so the trip matters more than the kilometres on a map).
 *
 * The rule for each edge:
 * - on land, two districts are adjacent when they share a boundary (a stream such as 중랑천 or 안양천
 *   between them counts as shared: it is crossed everywhere);
 * - across the Han river, a north-bank and a south-bank district are adjacent only where a road bridge
 *   joins the two directly (so they sit opposite each other): 가양대교 마포–강서; 양화·성산·서강·마포대교
 *   마포–영등포; 원효대교 용산–영등포; 한강·동작대교 용산–동작; 반포대교 용산–서초; 한남대교 용산–강남;
 *   동호·성수대교 성동–강남; 영동·청담대교 광진–강남; 잠실·올림픽대교 광진–송파; 천호대교·광진교 광진–강동.
 * Boundaries with Gyeonggi-do cities are not edges: Dolbom serves Seoul's districts only.
 */
import { districtCodes, type DistrictCode } from './districts';

/** Each district with the districts it borders; every edge is listed from both ends (a unit test checks it). */
export const districtBorders: Readonly<Record<DistrictCode, readonly DistrictCode[]>> = {
  '11110': ['11140', '11290', '11230', '11410', '11380'], // 종로: 중, 성북, 동대문, 서대문, 은평
  '11140': ['11110', '11410', '11440', '11170', '11200'], // 중: 종로, 서대문, 마포, 용산, 성동
  '11170': ['11140', '11440', '11200', '11560', '11590', '11650', '11680'], // 용산: 중, 마포, 성동 | 영등포, 동작, 서초, 강남
  '11200': ['11140', '11170', '11230', '11215', '11680'], // 성동: 중, 용산, 동대문, 광진 | 강남
  '11215': ['11200', '11230', '11260', '11680', '11710', '11740'], // 광진: 성동, 동대문, 중랑 | 강남, 송파, 강동
  '11230': ['11110', '11290', '11260', '11200', '11215'], // 동대문: 종로, 성북, 중랑, 성동, 광진
  '11260': ['11230', '11290', '11350', '11215'], // 중랑: 동대문, 성북, 노원, 광진
  '11290': ['11110', '11230', '11260', '11350', '11305'], // 성북: 종로, 동대문, 중랑, 노원, 강북
  '11305': ['11290', '11320', '11350'], // 강북: 성북, 도봉, 노원
  '11320': ['11305', '11350'], // 도봉: 강북, 노원
  '11350': ['11320', '11305', '11290', '11260'], // 노원: 도봉, 강북, 성북, 중랑
  '11380': ['11110', '11410', '11440'], // 은평: 종로, 서대문, 마포
  '11410': ['11110', '11140', '11380', '11440'], // 서대문: 종로, 중, 은평, 마포
  '11440': ['11380', '11410', '11140', '11170', '11500', '11560'], // 마포: 은평, 서대문, 중, 용산 | 강서, 영등포
  '11470': ['11500', '11560', '11530'], // 양천: 강서, 영등포, 구로
  '11500': ['11470', '11560', '11440'], // 강서: 양천, 영등포 | 마포
  '11530': ['11470', '11560', '11545', '11620'], // 구로: 양천, 영등포, 금천, 관악
  '11545': ['11530', '11620'], // 금천: 구로, 관악
  '11560': ['11500', '11470', '11530', '11590', '11620', '11440', '11170'], // 영등포: 강서, 양천, 구로, 동작, 관악 | 마포, 용산
  '11590': ['11560', '11620', '11650', '11170'], // 동작: 영등포, 관악, 서초 | 용산
  '11620': ['11590', '11560', '11530', '11545', '11650'], // 관악: 동작, 영등포, 구로, 금천, 서초
  '11650': ['11590', '11620', '11680', '11170'], // 서초: 동작, 관악, 강남 | 용산
  '11680': ['11650', '11710', '11170', '11200', '11215'], // 강남: 서초, 송파 | 용산, 성동, 광진
  '11710': ['11680', '11740', '11215'], // 송파: 강남, 강동 | 광진
  '11740': ['11710', '11215'], // 강동: 송파 | 광진
};

const neighbours = new Map<DistrictCode, readonly DistrictCode[]>(districtCodes.map((code) => [code, [...districtBorders[code]].sort()]));

/** Hops between every pair, by breadth-first search from each district once, at module load (25 × 25). */
const hops = new Map<DistrictCode, Map<DistrictCode, number>>(
  districtCodes.map((from) => {
    const seen = new Map<DistrictCode, number>([[from, 0]]);
    const queue: DistrictCode[] = [from];
    for (let i = 0; i < queue.length; i++) {
      const at = queue[i]!;
      for (const next of neighbours.get(at)!) {
        if (!seen.has(next)) {
          seen.set(next, seen.get(at)! + 1);
          queue.push(next);
        }
      }
    }
    return [from, seen];
  }),
);

/** The districts bordering `code` (on land, or across the Han river by a direct bridge), sorted by code. */
export function adjacentDistricts(code: DistrictCode): readonly DistrictCode[] {
  const list = neighbours.get(code);
  if (!list) throw new RangeError(`unknown district code ${code}`);
  return list;
}

/** Steps between two districts in the adjacency graph: 0 for the same district, 1 for neighbours. */
export function districtDistance(a: DistrictCode, b: DistrictCode): number {
  const distance = hops.get(a)?.get(b);
  if (distance === undefined) throw new RangeError(`unknown district code ${a} or ${b}`);
  return distance;
}
