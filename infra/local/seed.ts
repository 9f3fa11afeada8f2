import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ProviderOffer } from '../../functions/matching/provider';
import { offerItem } from '../../functions/matching/provider-store';
import type { LocalStaffUser } from './identity';

/** Staff who can sign in to the local cloud (password shown by `npm start`). */
export const seededStaff: LocalStaffUser[] = [
  { username: 'caseworker.jongno', password: 'dolbom-local', name: '김사례 (종로구)', groups: ['caseworker'], districts: ['11110'] },
  { username: 'caseworker.mapo', password: 'dolbom-local', name: '이사례 (마포구)', groups: ['caseworker'], districts: ['11440'] },
  { username: 'supervisor', password: 'dolbom-local', name: '박감독', groups: ['supervisor'], districts: [] },
  { username: 'provider.maeum', password: 'dolbom-local', name: '마음숲 상담센터', groups: ['provider'], districts: ['11110', '11440'], agency: 'P-MAEUMSUP' },
  { username: 'operator', password: 'dolbom-local', name: '운영자', groups: ['operator'], districts: [] },
];

const programmes = ['child-adolescent', 'parent', 'youth'];

/** Provider agencies with capacity for every programme in 종로, 마포, 강남 and (one place) 서초. */
export const seededOffers: ProviderOffer[] = [
  { providerId: 'P-MAEUMSUP', name: { ko: '마음숲 상담센터', en: 'Maeumsup Counselling Centre' }, district: '11110', capacity: 40 },
  { providerId: 'P-HANUL', name: { ko: '하늘 아동발달센터', en: 'Hanul Child Development Centre' }, district: '11110', capacity: 25 },
  { providerId: 'P-MAEUMSUP', name: { ko: '마음숲 상담센터', en: 'Maeumsup Counselling Centre' }, district: '11440', capacity: 30 },
  { providerId: 'P-SOOP', name: { ko: '숲속 심리상담소', en: 'Soop Psychology Clinic' }, district: '11680', capacity: 20 },
  // One place only: shows the waiting list (and lets tests race for the last place).
  { providerId: 'P-DAMDAM', name: { ko: '담담 상담실', en: 'Damdam Counselling Room' }, district: '11650', capacity: 1 },
].flatMap((agency) => programmes.map((programme) => ({ ...agency, programme, reserved: 0 })));

/** Writes the seed once: an existing offer keeps its reservations across restarts. */
export async function seedProviders(db: DynamoDBDocumentClient, tableName: string): Promise<void> {
  for (const offer of seededOffers) {
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: offerItem(offer),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
}
