import { describe, expect, it } from 'vitest';
import { hashAccessCode, isApplicationId, newAccessCode, newApplicationId, newReceiptNumber, verifyAccessCode } from '../../../functions/applications/identifiers';
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
  it('verifies the code it was made from, ignoring case and dashes', async () => {
    const code = newAccessCode();
    const stored = await hashAccessCode(code);
    expect(stored).not.toContain(code);
    expect(await verifyAccessCode(code, stored)).toBe(true);
    expect(await verifyAccessCode(code.toLowerCase().replaceAll('-', ''), stored)).toBe(true);
  });

  it('refuses another code', async () => {
    const stored = await hashAccessCode(newAccessCode());
    expect(await verifyAccessCode(newAccessCode(), stored)).toBe(false);
    expect(await verifyAccessCode('anything', 'not-a-hash')).toBe(false);
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
