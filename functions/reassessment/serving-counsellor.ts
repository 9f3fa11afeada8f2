import type { CounsellorForMatching } from '../providers/registry';
import { getAgency, getCounsellor } from '../providers/registry-store';

/**
 * The serving counsellor as matching reads counsellors, read consistently from the registry (two
 * Gets): undefined when the counsellor or their agency is gone.
 */
export async function servingCounsellor(agencyId: string, counsellorId: string): Promise<CounsellorForMatching | undefined> {
  const [counsellor, agency] = await Promise.all([getCounsellor(agencyId, counsellorId), getAgency(agencyId)]);
  if (!counsellor || !agency) return undefined;
  return {
    counsellorId: counsellor.counsellorId,
    agencyId: counsellor.agencyId,
    gender: counsellor.gender,
    languages: counsellor.languages,
    qualifications: counsellor.qualifications,
    trainings: counsellor.trainings,
    availability: counsellor.availability,
    weeklyCapacity: counsellor.weeklyCapacity,
    reserved: counsellor.reserved,
    active: counsellor.active,
    agencyDistrict: agency.district,
    agencyProgrammes: agency.programmes,
    agencyName: agency.name,
    agencyServiceTypes: agency.serviceTypes,
  };
}
