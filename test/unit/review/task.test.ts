import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../functions/applications/audit';
import { timeline } from '../../../functions/status/timeline';
import { decisionNote } from '../../../functions/review/decision-note';
import { dueAfterClaim, taskView, type HumanTask } from '../../../functions/review/task';

describe('decisionNote', () => {
  it('keeps lines and trims the ends; a blank note is no note', () => {
    expect(decisionNote.parse('  첫째 줄\n둘째 줄\t끝  ')).toBe('첫째 줄\n둘째 줄\t끝');
    expect(decisionNote.parse('   ')).toBeUndefined();
    expect(decisionNote.parse('웃음 😀')).toBe('웃음 😀');
  });

  it.each([
    ['a bell', '벨\u0007'],
    ['a NUL', 'a\u0000b'],
    ['a carriage return inside', 'a\rb'],
    ['a right-to-left override', 'abc\u202Edef'],
    ['an isolate', 'abc\u2067def'],
    ['a lone surrogate', 'abc\uD800def'],
    ['2,001 characters', 'x'.repeat(2001)],
  ])('refuses %s', (_, note) => {
    expect(decisionNote.safeParse(note).success).toBe(false);
  });
});

describe('dueAfterClaim', () => {
  it('keeps the due date of a task opened before tasks kept their deadlines', () => {
    const old = { dueAt: '2026-03-15T00:00:00.000Z' } as HumanTask;
    expect(dueAfterClaim(old, new Date('2026-03-02T00:00:00.000Z'))).toBe('2026-03-15T00:00:00.000Z');
  });

  const task = { heartbeatSeconds: 7 * 86_400, timeoutAt: '2026-03-15T00:00:00.000Z', dueAt: '2026-03-08T00:00:00.000Z' };

  it('moves the due date a heartbeat on from the claim', () => {
    expect(dueAfterClaim(task, new Date('2026-03-02T00:00:00.000Z'))).toBe('2026-03-09T00:00:00.000Z');
  });

  it('never past the timeout of the state', () => {
    expect(dueAfterClaim(task, new Date('2026-03-12T00:00:00.000Z'))).toBe('2026-03-15T00:00:00.000Z');
  });
});

describe("a case manager's note", () => {
  it('is shown to staff on the task, without the token or the answer id', () => {
    const task = {
      taskId: 't',
      kind: 'review',
      taskToken: 'secret-token',
      answer: { id: 'answer-id', decision: 'approve', via: 'console', by: { kind: 'staff', userId: 'caseworker.jongno', groups: [] }, note: '메모', at: 'x' },
    } as unknown as HumanTask;
    const view = taskView(task);
    expect(view.answer).toMatchObject({ decision: 'approve', note: '메모', by: { userId: 'caseworker.jongno' } });
    expect(JSON.stringify(view)).not.toContain('secret-token');
    expect(JSON.stringify(view)).not.toContain('answer-id');
  });

  it("never reaches the citizen's timeline", () => {
    const decided: AuditEvent = {
      eventId: 'e',
      applicationId: 'a',
      at: '2026-03-02T00:00:00.000Z',
      actor: { kind: 'staff', userId: 'caseworker.jongno', groups: ['caseworker'] },
      action: 'review.decided',
      visibleToApplicant: true,
      status: 'matching',
      note: '보호자와 통화함',
    };
    expect(JSON.stringify(timeline([decided]))).not.toContain('보호자');
  });
});
