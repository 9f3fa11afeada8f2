import { createHmac } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import { derivedKey } from '../privacy/access-code-key';
import type { Application } from './application';
import { keys } from './keys';
import type { TransactItem } from './store';

/**
 * Finding a case by the applicant's name, without a Scan and without a readable name in any index.
 *
 * The choice: one search item per application whose GSI1 partition is a keyed hash (HMAC under a key
 * derived from the access-code KMS key, label below) of the normalised full name. A case manager who
 * knows the whole name — a citizen on the phone says it — finds that person's cases in one Query.
 *
 * What it gives up, on purpose: no prefix or partial search. A prefix index ("김…") would keep names,
 * or their beginnings, readable in the index and let anyone with read access to it list a district's
 * applicants letter by letter; a plain (unkeyed) hash of a name is reversed by hashing a list of common
 * names. The keyed hash reveals only "these applications share a name" to someone who can read the
 * table but not derive the key; and without the key no one can test a guessed name against it.
 */
const LABEL = 'dolbom/applicant-name-index/v1';

/** The applicant's name as the form kept it (every programme's `applicant.name`), if any. */
export function applicantNameOf(answers: Record<string, unknown> | undefined): string | undefined {
  const name = (answers?.applicant as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * One spelling per name: compatibility-composed (NFKC: full-width letters, decomposed jamo), lower case,
 * without any spaces — "홍 길동" and "홍길동", "Kim Min-su" and "kim min-su" are the same search.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export function nameHash(key: Buffer, name: string): string {
  return createHmac('sha256', key).update(normaliseName(name)).digest('base64url');
}

export async function applicantNameHash(name: string): Promise<string> {
  return nameHash(await derivedKey(LABEL), name);
}

/** The search item of a new application, for the transaction that stores it; none without a name. */
export async function applicantNamePut(application: Application): Promise<TransactItem[]> {
  const name = applicantNameOf(application.answers);
  if (!name) return [];
  return [
    {
      Put: {
        TableName: env.tableName(),
        Item: {
          ...keys.applicantNameEntry(application.id),
          entity: 'ApplicantName',
          gsi1pk: keys.applicantName(await applicantNameHash(name)),
          gsi1sk: `${application.district}#${application.createdAt}#${application.id}`,
          applicationId: application.id,
          district: application.district,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

/** Ids of the applications, newest first, whose applicant has this name and which are in one of `districts`. */
export async function applicationsNamed(name: string, districts: readonly string[], limit = 50): Promise<{ applicationId: string; district: string }[]> {
  const hash = await applicantNameHash(name);
  const found: { applicationId: string; district: string }[] = [];
  // One Query per district: the partition holds only people of this exact name, so this stays small,
  // and another district's cases are never read at all.
  await Promise.all(
    districts.map(async (district) => {
      const out = await dynamo().send(
        new QueryCommand({
          TableName: env.tableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :district)',
          ExpressionAttributeValues: { ':pk': keys.applicantName(hash), ':district': `${district}#` },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      for (const item of out.Items ?? []) found.push({ applicationId: String(item.applicationId), district: String(item.district) });
    }),
  );
  return found.slice(0, limit);
}
