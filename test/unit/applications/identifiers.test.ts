import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  accessCodeMatches,
  hashAccessCode,
  isApplicationId,
  newAccessCode,
  newApplicationId,
  newReceiptNumber,
  standInApplicationId,
} from '../../../functions/applications/identifiers';
import { applicationIdOfTask, taskIdFor } from '../../../functions/review/task';

describe('application identifiers', () => {
  it('makes ids that are valid execution names and never repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, newApplicationId));
    expect(ids.size).toBe(10_000);
    for (const id of [...ids].slice(0, 100)) expect(isApplicationId(id)).toBe(true);
    expect(isApplicationId('A' + 'I'.repeat(25))).toBe(false);
    expect(isApplicationId('x'.repeat(5000))).toBe(false);
  });

  it('formats receipt numbers with the year of submission', () => {
    expect(newReceiptNumber(new Date('2026-11-23T00:00:00Z'))).toMatch(/^DB-2026-[0-9A-Z]{8}$/);
  });
});

describe('access codes', () => {
  const key = randomBytes(32);
  const id = newApplicationId();

  it('opens with the code it was made from, ignoring case and dashes', () => {
    const code = newAccessCode();
    const stored = hashAccessCode(key, id, code);
    expect(stored).not.toContain(code);
    expect(accessCodeMatches(key, id, code, stored)).toBe(true);
    expect(accessCodeMatches(key, id, code.toLowerCase().replaceAll('-', ''), stored)).toBe(true);
  });

  it('refuses another code, another key, another application, or no stored hash at all', () => {
    const code = newAccessCode();
    const stored = hashAccessCode(key, id, code);
    expect(accessCodeMatches(key, id, newAccessCode(), stored)).toBe(false);
    expect(accessCodeMatches(randomBytes(32), id, code, stored)).toBe(false);
    expect(accessCodeMatches(key, newApplicationId(), code, stored)).toBe(false);
    expect(accessCodeMatches(key, id, code, undefined)).toBe(false);
    expect(accessCodeMatches(key, id, code, `hmac-sha256$${Buffer.alloc(32).toString('base64')}`)).toBe(false);
    expect(accessCodeMatches(key, id, 'anything', 'not-a-hash')).toBe(false);
  });

  it('gives an unknown receipt one stand-in application id, valid and the same on every try', () => {
    const standIn = standInApplicationId(key, 'DB-2026-ABCDEFGH');
    expect(isApplicationId(standIn)).toBe(true);
    expect(standInApplicationId(key, 'DB-2026-ABCDEFGH')).toBe(standIn);
    expect(standInApplicationId(key, 'DB-2026-ABCDEFGJ')).not.toBe(standIn);
  });
});

describe('task ids', () => {
  it('are stable for one token and lead back to the application', () => {
    const applicationId = newApplicationId();
    const taskId = taskIdFor(applicationId, 'token-1');
    expect(taskIdFor(applicationId, 'token-1')).toBe(taskId);
    expect(taskIdFor(applicationId, 'token-2')).not.toBe(taskId);
    expect(applicationIdOfTask(taskId)).toBe(applicationId);
    expect(applicationIdOfTask('../../etc')).toBeUndefined();
  });
});
