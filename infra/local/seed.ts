import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { agencyItem, counsellorItem } from '../../functions/providers/registry-items';
import type { LocalStaffUser } from './identity';
import { seededRegistry } from './seed-registry';

export { seededRegistry } from './seed-registry';

/** Staff who can sign in to the local cloud (password shown by `npm start`). Providers see only their agency. */
export const seededStaff: LocalStaffUser[] = [
  { username: 'caseworker.jongno', password: 'dolbom-local', name: '김사례 (종로구)', groups: ['caseworker'], districts: ['11110'] },
  { username: 'caseworker.mapo', password: 'dolbom-local', name: '이사례 (마포구)', groups: ['caseworker'], districts: ['11440'] },
  // Supervisors are scoped by district like caseworkers (functions/commons/staff.ts servesDistrict).
  { username: 'supervisor', password: 'dolbom-local', name: '박감독 (종로구·마포구)', groups: ['supervisor'], districts: ['11110', '11440'] },
  { username: 'supervisor.gangnam', password: 'dolbom-local', name: '최감독 (강남구)', groups: ['supervisor'], districts: ['11680'] },
  // A second supervisor of 종로구 and 마포구 (two may race for one supervision request), also of 강동구 (the work queue test's own district).
  { username: 'supervisor.kim', password: 'dolbom-local', name: '김감독 (종로구·마포구·강동구)', groups: ['supervisor'], districts: ['11110', '11440', '11740'] },
  { username: 'provider.maeum', password: 'dolbom-local', name: '마음숲 상담센터', groups: ['provider'], districts: ['11110', '11440'], agency: 'P-MAEUMSUP' },
  { username: 'provider.hanul', password: 'dolbom-local', name: '하늘 아동발달센터', groups: ['provider'], districts: [], agency: 'P-HANUL' },
  { username: 'provider.soop', password: 'dolbom-local', name: '숲속 심리상담소', groups: ['provider'], districts: [], agency: 'P-SOOP' },
  { username: 'operator', password: 'dolbom-local', name: '운영자', groups: ['operator'], districts: [] },
];

/** Puts at once: DynamoDB Local answers a few in parallel faster than one after another. */
const PARALLEL_PUTS = 16;

/**
 * Writes the seeded registry (infra/local/seed-registry.ts) once: every put is conditional, so after a
 * restart an existing agency or counsellor keeps its reservations and every change made through the API.
 */
export async function seedProviders(db: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const { agencies, counsellors } = seededRegistry;
  const items = [
    ...agencies.map((a) => agencyItem(a, counsellors.filter((c) => c.agencyId === a.agencyId).length)),
    ...counsellors.map((c) => counsellorItem(c, agencies.find((a) => a.agencyId === c.agencyId)!.district)),
  ];
  for (let i = 0; i < items.length; i += PARALLEL_PUTS) {
    await Promise.all(items.slice(i, i + PARALLEL_PUTS).map((item) => putOnce(db, tableName, item)));
  }
}

async function putOnce(db: DynamoDBDocumentClient, tableName: string, item: Record<string, unknown>): Promise<void> {
  try {
    await db.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
