import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Text } from '../../forms/i18n';
import { keys } from '../applications/keys';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';

// Korean surnames of two syllables: in a four-syllable name they are the first two (남궁민수 → 민수).
const TWO_SYLLABLE_SURNAMES = new Set(['남궁', '선우', '제갈', '황보', '독고', '사공', '서문', '동방', '어금', '망절', '을지', '장곡']);
const HANGUL = /^[\uAC00-\uD7A3]+$/;

/**
 * The given name only (이름, without the surname): enough for a case manager to tell two counsellors
 * apart and to say whom they chose, little to identify them by. Hangul names are family name first
 * ("김지은" → "지은", "남궁민수" → "민수", "김 지은" → "지은"); names in Latin letters given name first
 * ("Anna Kim" → "Anna").
 */
export function firstNameOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  if (words.length > 1) return HANGUL.test(words[0]!) ? words.slice(1).join(' ') : words[0]!;
  const name = words[0]!;
  if (!HANGUL.test(name) || name.length < 2) return name;
  return name.length >= 4 && TWO_SYLLABLE_SURNAMES.has(name.slice(0, 2)) ? name.slice(2) : name.slice(1);
}

export interface CounsellorRef {
  agencyId: string;
  counsellorId: string;
}

/** Counsellors' first names by counsellor id, agencies' names by agency id. */
export interface RegistryNames {
  counsellors: Record<string, string>;
  agencies: Record<string, Text>;
}

const BATCH = 100;

/**
 * The names staff see beside ids: each counsellor's first name and each agency's name, read from
 * their registry items (only the name is fetched). Anyone no longer in the registry is left out and
 * the console shows the id.
 */
export async function registryNames(refs: readonly CounsellorRef[]): Promise<RegistryNames> {
  const names: RegistryNames = { counsellors: {}, agencies: {} };
  const wanted = new Map<string, Record<string, unknown>>();
  for (const r of refs) {
    const counsellor = keys.counsellor(r.agencyId, r.counsellorId);
    const agency = keys.agency(r.agencyId);
    wanted.set(`${counsellor.pk}|${counsellor.sk}`, counsellor);
    wanted.set(`${agency.pk}|${agency.sk}`, agency);
  }
  const all = [...wanted.values()];
  for (let i = 0; i < all.length; i += BATCH) {
    let Keys: Record<string, unknown>[] | undefined = all.slice(i, i + BATCH);
    // Unprocessed keys (throttling) are asked again, a few times at most: names are a courtesy.
    for (let attempt = 0; Keys?.length && attempt < 3; attempt++) {
      const table = env.tableName();
      const out: BatchGetCommandOutput = await dynamo().send(
        new BatchGetCommand({
          RequestItems: { [table]: { Keys, ProjectionExpression: 'sk, agencyId, counsellorId, #name', ExpressionAttributeNames: { '#name': 'name' } } },
        }),
      );
      for (const item of out.Responses?.[table] ?? []) {
        if (String(item.sk).startsWith(keys.counsellorPrefix) && typeof item.counsellorId === 'string' && typeof item.name === 'string') {
          names.counsellors[item.counsellorId] = firstNameOf(item.name);
        }
        if (item.sk === keys.agency(String(item.agencyId)).sk && typeof item.agencyId === 'string' && typeof item.name?.ko === 'string' && typeof item.name?.en === 'string') {
          names.agencies[item.agencyId] = { ko: item.name.ko, en: item.name.en };
        }
      }
      Keys = out.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return names;
}
