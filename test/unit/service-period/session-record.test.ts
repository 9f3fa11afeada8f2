import { describe, expect, it } from 'vitest';
import { screen } from '../../../functions/screening/score';
import type { Gad7Items, Phq9Items } from '../../../functions/screening/answers';
import { saysTheSame, type SessionEntry } from '../../../functions/service-period/session';
import { sessionRecordBody } from '../../../functions/service-period/session-body';

const by = { kind: 'staff' as const, userId: 'provider.maeum', groups: ['provider'] };
const answers = { phq9: [1, 1, 1, 1, 1, 1, 0, 0, 0] as Phq9Items, gad7: [1, 1, 1, 0, 0, 0, 0] as Gad7Items };

/** What the store keeps of a record sent as `body`: the body, the scores computed from its answers, who and when. */
function stored(body: Record<string, unknown>): SessionEntry {
  const { screening, ...said } = sessionRecordBody.parse(body);
  return { ...said, ...(screening ? { screening: { answers: screening, ...screen(screening) } } : {}), recordedAt: '2026-03-02T06:00:00.000Z', recordedBy: by };
}

describe('saysTheSame: a record sent again is the same record, not a correction', () => {
  const held = { outcome: 'held', on: '2026-03-02', durationMinutes: 50, note: '첫 회기' };

  it('is the same for the same outcome, day, length, note and test answers, whoever sends it and whenever', () => {
    expect(saysTheSame(stored(held), sessionRecordBody.parse(held))).toBe(true);
    const test = { ...held, durationMinutes: 90, screening: answers };
    expect(saysTheSame(stored(test), sessionRecordBody.parse(test))).toBe(true);
    expect(saysTheSame(stored({ outcome: 'cancelled', on: '2026-03-02', cancelledBy: 'applicant' }), sessionRecordBody.parse({ outcome: 'cancelled', on: '2026-03-02', cancelledBy: 'applicant' }))).toBe(true);
  });

  it('is a correction when anything said differs, or nothing was recorded yet', () => {
    const body = sessionRecordBody.parse(held);
    expect(saysTheSame(undefined, body)).toBe(false);
    for (const changed of [{ durationMinutes: 45 }, { on: '2026-03-03' }, { note: '둘째 회기' }, { note: undefined }, { outcome: 'no-show', durationMinutes: undefined }]) {
      expect(saysTheSame(stored({ ...held, ...changed }), body), JSON.stringify(changed)).toBe(false);
    }
    const test = sessionRecordBody.parse({ ...held, screening: answers });
    expect(saysTheSame(stored({ ...held, screening: { ...answers, gad7: [0, 1, 1, 0, 0, 0, 0] } }), test)).toBe(false);
    expect(saysTheSame(stored(held), test)).toBe(false);
  });
});
