/**
 * TEMPORARY STAND-IN — delete this file when the ranking (functions/matching/rank.ts,
 * functions/matching/match-request.ts) and the registry store (functions/providers/registry-store.ts)
 * are on main, and point the one import in functions/matching/candidates-preview.ts at them.
 *
 * It has the same three names and shapes the console codes against, and does as little as lets the
 * console be tried end to end: the hard constraints of registry.ts and one soft point for the same
 * district. It is not the ranking; nothing else may import it.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getProgramme, isProgrammeId } from '../../forms';
import { districtName, isDistrictCode, type DistrictCode } from '../../forms/districts';
import type { Application } from '../applications/application';
import { keys } from '../applications/keys';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import { basicTrainingDone, freePlaces, qualifiedFor, youthVoucherTypesOf, type Agency, type Counsellor, type CounsellorForMatching } from '../providers/registry';
import type { Candidate, MatchRequest } from './match-types';

export function matchRequestOf(application: Application, options: { at: string }): MatchRequest {
  const answers = application.answers as { serviceType?: string; counsellorType?: string; preferences?: MatchRequest['preferences'] };
  const programme = isProgrammeId(application.programme) ? getProgramme(application.programme) : undefined;
  return {
    applicationId: application.id,
    programme: application.programme,
    district: application.district as DistrictCode,
    serviceType: answers.serviceType ?? programme?.serviceTypes[0]?.id ?? '',
    ...(answers.counsellorType === 'A' || answers.counsellorType === 'B' ? { voucherType: answers.counsellorType } : {}),
    preferences: answers.preferences ?? {},
    rank: (application.eligibility as { priority?: { rank: number } } | undefined)?.priority?.rank ?? 9,
    waitingSince: application.match?.waitingSince ?? options.at,
    excludedCounsellorIds: application.match?.excludedCounsellorIds ?? [],
  };
}

export function rankCandidates(request: MatchRequest, counsellors: readonly CounsellorForMatching[], on: string, limit: number): Candidate[] {
  return counsellors
    .filter(
      (c) =>
        !request.excludedCounsellorIds.includes(c.counsellorId) &&
        freePlaces(c) > 0 &&
        basicTrainingDone(c.trainings, request.programme, on) &&
        c.agencyServiceTypes.includes(request.serviceType) &&
        qualifiedFor(c.qualifications, request.serviceType) &&
        (!request.voucherType || youthVoucherTypesOf(c.qualifications).includes(request.voucherType)),
    )
    .map((c): Candidate => {
      const near = c.agencyDistrict === request.district;
      const where = isDistrictCode(c.agencyDistrict) ? districtName(c.agencyDistrict) : { ko: c.agencyDistrict, en: c.agencyDistrict };
      const reason = near ? { ko: '같은 구', en: 'Same district' } : { ko: `다른 구(${where.ko})`, en: `Another district (${where.en})` };
      return {
        counsellorId: c.counsellorId,
        agencyId: c.agencyId,
        agencyName: c.agencyName,
        agencyDistrict: c.agencyDistrict,
        score: near ? 10 : 0,
        parts: [{ factor: 'distance', points: near ? 10 : 0, reason }],
        reason,
      };
    })
    .sort((a, b) => b.score - a.score || a.counsellorId.localeCompare(b.counsellorId))
    .slice(0, limit);
}

async function everyItemOf(gsi1pk: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({ TableName: env.tableName(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': gsi1pk }, ExclusiveStartKey }),
    );
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export async function counsellorsForMatching(): Promise<CounsellorForMatching[]> {
  const agencies = new Map((await everyItemOf(keys.agencies)).map((a) => [String(a.agencyId), a as unknown as Agency]));
  return (await everyItemOf(keys.counsellors)).flatMap((item) => {
    const c = item as unknown as Counsellor;
    const agency = agencies.get(c.agencyId);
    if (!agency || !c.active) return [];
    return [{ ...c, agencyDistrict: agency.district, agencyName: agency.name, agencyServiceTypes: agency.serviceTypes }];
  });
}
