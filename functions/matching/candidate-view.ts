import { districtName, isDistrictCode } from '../../forms/districts';
import type { Text } from '../../forms/i18n';
import { declineReasons, offerView, type ProviderOffer } from './offer';
import type { Candidate } from './match-types';
import type { RegistryNames } from './registry-names';

/**
 * A candidate as staff see it: the ranking's candidate with the counsellor's first name (when the
 * registry still knows them) and the agency's district spelled out.
 */
export function candidateView(candidate: Candidate, names: RegistryNames) {
  const district = candidate.agencyDistrict;
  return {
    ...candidate,
    counsellorFirstName: names.counsellors[candidate.counsellorId],
    agencyDistrictName: isDistrictCode(district) ? districtName(district) : { ko: district, en: district },
  };
}

/** An offer as the case manager sees it: no token, with names, and a decline's reason in words. */
export function offerForCaseManager(offer: ProviderOffer, names: RegistryNames) {
  const view = offerView(offer);
  const reason: Text | undefined = declineReasons.find((r) => r.id === offer.answer?.reason)?.label;
  return {
    ...view,
    counsellorFirstName: names.counsellors[offer.counsellorId],
    agencyName: names.agencies[offer.agencyId],
    ...(reason ? { declineReasonLabel: reason } : {}),
  };
}
