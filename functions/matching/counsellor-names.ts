import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
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

const BATCH = 100;

/**
 * First names of the counsellors named, by counsellor id, read from their registry items (only the
 * name is fetched). A counsellor no longer in the registry is left out: the console shows the id.
 */
export async function counsellorFirstNames(refs: readonly CounsellorRef[]): Promise<Record<string, string>> {
  const unique = [...new Map(refs.map((r) => [`${r.agencyId}#${r.counsellorId}`, r])).values()];
  const names: Record<string, string> = {};
  for (let i = 0; i < unique.length; i += BATCH) {
    let Keys: Record<string, unknown>[] | undefined = unique.slice(i, i + BATCH).map((r) => keys.counsellor(r.agencyId, r.counsellorId));
    // Unprocessed keys (throttling) are asked again, a few times at most: names are a courtesy.
    for (let attempt = 0; Keys?.length && attempt < 3; attempt++) {
      const table = env.tableName();
      const out: BatchGetCommandOutput = await dynamo().send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys, ProjectionExpression: 'counsellorId, #name', ExpressionAttributeNames: { '#name': 'name' } } } }),
      );
      for (const item of out.Responses?.[table] ?? []) {
        if (typeof item.counsellorId === 'string' && typeof item.name === 'string') names[item.counsellorId] = firstNameOf(item.name);
      }
      Keys = out.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return names;
}
