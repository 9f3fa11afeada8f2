import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import { HttpProblem } from '../commons/problems';
import { nowMs } from '../commons/clock';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import { seal, unseal, type SealedValue } from '../privacy/envelope';

/**
 * `Idempotency-Key` handling for submissions: the same key with the same body gets the same answer
 * (one application, one execution); the same key with another body is a 409. The stored answer holds
 * the access code, so it is sealed; the record expires after a day.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export const idempotencyKeySchema = z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.:-]{8,128}$/)));

export function invalidIdempotencyKey() {
  return new HttpProblem(400, 'invalid-input', { ko: '입력값을 확인해 주세요.', en: 'Some fields are missing or invalid.' }, [
    {
      field: 'Idempotency-Key',
      code: 'invalid_format',
      message: {
        ko: 'Idempotency-Key 헤더는 8~128자의 영문, 숫자, _ . : - 로 이루어져야 합니다.',
        en: 'The Idempotency-Key header must be 8–128 letters, digits or _ . : -',
      },
    },
  ]);
}

export function keyReusedWithOtherBody() {
  return new HttpProblem(409, 'idempotency-key-reused', {
    ko: '같은 Idempotency-Key로 다른 내용이 이미 접수되었습니다. 새 신청이라면 새 키를 사용하세요.',
    en: 'This Idempotency-Key was already used with a different body. Use a new key for a new application.',
  });
}

export interface StoredAnswer {
  fingerprint: string;
  applicationId: string;
  answer: SealedValue;
}

const context = (key: string) => ({ purpose: 'idempotent-replay', idempotencyKey: key });

export async function idempotencyWrite(key: string, fingerprint: string, applicationId: string, answer: object): Promise<TransactItem> {
  return {
    Put: {
      TableName: env.tableName(),
      Item: {
        ...keys.idempotency(key),
        entity: 'IdempotencyRecord',
        fingerprint,
        applicationId,
        answer: await seal(JSON.stringify(answer), context(key)),
        expiresAt: Math.floor((nowMs() + IDEMPOTENCY_TTL_MS) / 1000),
      },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': Math.floor(nowMs() / 1000) },
    },
  };
}

/** The earlier answer for this key, if any and still fresh (TTL deletion can lag by hours). */
export async function findStoredAnswer(key: string): Promise<StoredAnswer | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: env.tableName(), Key: keys.idempotency(key), ConsistentRead: true }));
  const item = out.Item;
  if (!item || (item.expiresAt as number) * 1000 < nowMs()) return undefined;
  return { fingerprint: item.fingerprint, applicationId: item.applicationId, answer: item.answer };
}

export async function openStoredAnswer<T>(key: string, stored: StoredAnswer): Promise<T> {
  return JSON.parse(await unseal(stored.answer, context(key))) as T;
}
