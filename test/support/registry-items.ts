import { randomUUID } from 'node:crypto';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/applications/keys';
import type { Agency, Counsellor } from '../../functions/providers/registry';

/**
 * An agency with counsellors who may serve the youth programme, written straight into the registry's
 * items (keys.ts: agency and counsellors under the agency's partition, listed in GSI1), with ids of
 * their own so tests never share them. For tests that need candidates whatever else is registered.
 */
export async function registerYouthAgency(db: DynamoDBDocumentClient, tableName: string, district: string, counsellorNames: string[]) {
  const at = new Date().toISOString();
  const agencyId = `AG-T${randomUUID().slice(0, 8)}`;
  const agency: Agency = {
    agencyId,
    name: { ko: `시험 청년상담센터 ${agencyId.slice(-4)}`, en: `Test Youth Counselling ${agencyId.slice(-4)}` },
    district: district as Agency['district'],
    address: '서울특별시 종로구 세종대로 1',
    phone: '02-000-0000',
    programmes: ['youth'],
    serviceTypes: ['youth-counselling'],
    openingHours: { weekdayDaytime: true, evening: true, saturday: false },
    createdAt: at,
    updatedAt: at,
  };
  await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.agency(agencyId), entity: 'Agency', gsi1pk: keys.agencies, gsi1sk: `${district}#${agencyId}`, ...agency } }));
  const counsellors = counsellorNames.map(
    (name, i): Counsellor => ({
      counsellorId: `C-T${randomUUID().slice(0, 8)}${i}`,
      agencyId,
      name,
      gender: 'female',
      languages: ['ko'],
      qualifications: ['clinical-psychologist-1'],
      trainings: [{ programme: 'youth', level: 'basic', completedOn: '2025-01-15' }],
      availability: { weekdayDaytime: true, evening: true, saturday: false },
      weeklyCapacity: 5,
      reserved: 0,
      active: true,
      createdAt: at,
      updatedAt: at,
    }),
  );
  for (const c of counsellors) {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.counsellor(agencyId, c.counsellorId), entity: 'Counsellor', gsi1pk: keys.counsellors, gsi1sk: `${agencyId}#${c.counsellorId}`, ...c },
      }),
    );
  }
  return { agency, counsellors };
}
