import { describe, expect, it } from 'vitest';
import { saysTheSame, type SessionEntry } from '../../../functions/service-period/session';
import type { ScreeningAnswers } from '../../../functions/screening/answers';
import { screen } from '../../../functions/screening/score';

const answers: ScreeningAnswers = { phq9: [1, 1, 1, 1, 1, 1, 0, 0, 0], gad7: [1, 1, 1, 0, 0, 0, 0] };
const recordedBy = { kind: 'staff', userId: 'provider.maeum', groups: ['provider'], sourceIp: '127.0.0.1' } as SessionEntry['recordedBy'];
const entry: SessionEntry = { outcome: 'held', on: '2026-05-04', durationMinutes: 50, note: '잘 진행됨', screening: { answers, ...screen(answers) }, recordedAt: '2026-05-04T03:00:00.000Z', recordedBy };

describe('saysTheSame', () => {
  it('takes the record the session already has, sent again, for the same (whoever and whenever it is sent)', () => {
    expect(saysTheSame(entry, { outcome: 'held', on: '2026-05-04', durationMinutes: 50, note: '잘 진행됨', screening: answers })).toBe(true);
    expect(saysTheSame({ ...entry, note: undefined, screening: undefined }, { outcome: 'held', on: '2026-05-04', durationMinutes: 50 })).toBe(true);
  });

  it('takes any difference for a correction: outcome, day, length, note, test answers', () => {
    const body = { outcome: 'held', on: '2026-05-04', durationMinutes: 50, note: '잘 진행됨', screening: answers } as const;
    expect(saysTheSame(entry, { ...body, outcome: 'no-show', durationMinutes: undefined, screening: undefined })).toBe(false);
    expect(saysTheSame(entry, { ...body, on: '2026-05-05' })).toBe(false);
    expect(saysTheSame(entry, { ...body, durationMinutes: 60 })).toBe(false);
    expect(saysTheSame(entry, { ...body, note: undefined })).toBe(false);
    expect(saysTheSame(entry, { ...body, screening: { ...answers, gad7: [0, 0, 0, 0, 0, 0, 0] } })).toBe(false);
    expect(saysTheSame(entry, { ...body, screening: undefined })).toBe(false);
  });
});
