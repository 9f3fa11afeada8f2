import { districtName, isDistrictCode } from '../../forms/districts';
import type { Candidate } from './match-types';

/**
 * A candidate as staff see it: the ranking's candidate with the counsellor's first name (when the
 * registry still knows them) and the agency's district spelled out.
 */
export function candidateView(candidate: Candidate, firstNames: Readonly<Record<string, string>>) {
  const district = candidate.agencyDistrict;
  return {
    ...candidate,
    counsellorFirstName: firstNames[candidate.counsellorId],
    agencyDistrictName: isDistrictCode(district) ? districtName(district) : { ko: district, en: district },
  };
}
