import { describe, expect, it } from 'vitest';
import type { ScreeningAnswers } from '../../../functions/screening/answers';
import { screen } from '../../../functions/screening/score';
import type { SessionEntry } from '../../../functions/service-period/session';
import { formFieldOf, recordBodyOf, type RecordFormValues } from '../../../web/src/provider/record-body';
import {
  countText,
  dayText,
  expectedDay,
  nextToRecord,
  recordText,
  screeningText,
  seoulToday,
  sessionState,
  stillToHappen,
} from '../../../web/src/provider/session-facts';
import type { RecordedSession } from '../../../web/src/provider/types';

const by: SessionEntry['recordedBy'] = { kind: 'staff', userId: 'provider.maeum', groups: ['provider'] };

function session(number: number, plannedOn: string, record?: Partial<SessionEntry>): RecordedSession {
  return {
    sessionId: `1-${String(number).padStart(2, '0')}`,
    number,
    kind: number === 1 ? 'pre-test' : 'counselling',
    plannedOn,
    plannedMinutes: number === 1 ? 90 : 50,
    applicationId: 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF',
    period: 1,
    agencyId: 'P-MAEUMSUP',
    counsellorId: 'C-0001',
    ...(record ? { record: { outcome: 'held', on: plannedOn, recordedAt: '2026-03-02T06:00:00.000Z', recordedBy: by, ...record } } : {}),
    history: [],
  };
}

describe('the words of a session', () => {
  it('names a day with its weekday, in Korean and English', () => {
    expect(dayText('2026-03-16')).toEqual({ ko: '3월 16일 (월)', en: 'Mon 16 Mar' });
  });

  it('takes today on the Seoul calendar, not the phone’s', () => {
    expect(seoulToday(new Date('2026-03-15T15:30:00.000Z'))).toBe('2026-03-16');
    expect(seoulToday(new Date('2026-03-15T14:59:00.000Z'))).toBe('2026-03-15');
  });

  it('says each outcome with what it asked for', () => {
    expect(recordText(session(2, '2026-03-09', { outcome: 'held', durationMinutes: 50 }).record!).ko).toBe('진행 · 3월 9일 (월) · 50분');
    expect(recordText(session(2, '2026-03-09', { outcome: 'no-show' }).record!).en).toBe('No-show · Mon 9 Mar');
    expect(recordText(session(2, '2026-03-09', { outcome: 'cancelled', cancelledBy: 'provider' }).record!)).toEqual({
      ko: '취소(기관) · 3월 9일 (월)',
      en: 'Cancelled by the agency · Mon 9 Mar',
    });
    expect(recordText(session(2, '2026-03-09', { outcome: 'rescheduled', rescheduledTo: '2026-03-11' }).record!).ko).toBe('일정 변경 · 3월 9일 (월) → 3월 11일 (수)');
  });

  it('counts held of planned and what is left', () => {
    expect(countText(1, 10)).toEqual({ ko: '10회 중 1회 진행 · 9회 남음', en: '1 of 10 sessions held · 9 left' });
  });

  it('reads the server’s scores, never adding them up itself', () => {
    const scores = screen({ phq9: [3, 3, 3, 3, 3, 3, 3, 0, 0], gad7: [1, 1, 1, 1, 1, 1, 0] });
    expect(screeningText(scores).ko).toBe('PHQ-9 21점(고도) · GAD-7 6점(경도)');
  });
});

describe('where a session stands', () => {
  it('is planned until its day, and to be recorded once the day passed with nothing recorded', () => {
    expect(sessionState(session(2, '2026-03-09'), '2026-03-09')).toBe('planned');
    expect(sessionState(session(2, '2026-03-09'), '2026-03-10')).toBe('to-record');
    expect(sessionState(session(2, '2026-03-09', { outcome: 'no-show' }), '2026-03-10')).toBe('no-show');
  });

  it('keeps a rescheduled session still to happen, on the day it was moved to', () => {
    const moved = session(2, '2026-03-09', { outcome: 'rescheduled', rescheduledTo: '2026-03-11' });
    expect(stillToHappen(moved)).toBe(true);
    expect(expectedDay(moved)).toBe('2026-03-11');
    expect(stillToHappen(session(2, '2026-03-09', { outcome: 'cancelled', cancelledBy: 'applicant' }))).toBe(false);
  });

  it('offers to record next the first session still to happen, in planned order', () => {
    const plan = [session(1, '2026-03-02', { durationMinutes: 90 }), session(2, '2026-03-09', { outcome: 'rescheduled', rescheduledTo: '2026-03-11' }), session(3, '2026-03-16')];
    expect(nextToRecord(plan)?.number).toBe(2);
    expect(nextToRecord([plan[0]!])).toBeUndefined();
  });
});

describe('recordBodyOf', () => {
  const form: RecordFormValues = { outcome: 'held', on: '2026-03-09', minutes: '50', cancelledBy: '', rescheduledTo: '', note: '', testSession: false };

  it('sends a held session with its minutes as a number, and nothing the outcome did not ask for', () => {
    expect(recordBodyOf({ ...form, cancelledBy: 'provider', rescheduledTo: '2026-03-20', note: '  ' })).toEqual({ body: { outcome: 'held', on: '2026-03-09', durationMinutes: 50 } });
  });

  it('leaves out minutes typed before switching to no-show, and keeps the note', () => {
    expect(recordBodyOf({ ...form, outcome: 'no-show', note: ' 연락 안 됨 ' })).toEqual({ body: { outcome: 'no-show', on: '2026-03-09', note: '연락 안 됨' } });
  });

  it('sends a held test session’s answers, and never a total', () => {
    const screening: ScreeningAnswers = { phq9: [1, 1, 2, 0, 1, 0, 1, 0, 0], gad7: [1, 0, 1, 0, 0, 1, 0] };
    const result = recordBodyOf({ ...form, minutes: '90', testSession: true, screening });
    expect(result).toEqual({ body: { outcome: 'held', on: '2026-03-09', durationMinutes: 90, screening } });
    expect(recordBodyOf({ ...form, outcome: 'cancelled', cancelledBy: 'applicant', screening })).toEqual({ body: { outcome: 'cancelled', on: '2026-03-09', cancelledBy: 'applicant' } });
  });

  it('takes a held test session without answers only with the reason in the note', () => {
    const test = { ...form, minutes: '90', testSession: true };
    expect(recordBodyOf(test)).toEqual({ problems: [{ field: 'screening', message: expect.objectContaining({ ko: expect.stringContaining('이유를 메모에') }) }] });
    expect(recordBodyOf({ ...test, note: '이용자가 검사를 원하지 않음' })).toEqual({ body: { outcome: 'held', on: '2026-03-09', durationMinutes: 90, note: '이용자가 검사를 원하지 않음' } });
    expect(recordBodyOf({ ...test, outcome: 'no-show' })).toEqual({ body: { outcome: 'no-show', on: '2026-03-09' } });
  });

  it('asks for what each outcome needs, under its field', () => {
    const fields = (values: Partial<RecordFormValues>) => {
      const result = recordBodyOf({ ...form, ...values });
      return 'problems' in result ? result.problems.map((p) => p.field) : [];
    };
    expect(fields({ outcome: '' })).toEqual(['outcome']);
    expect(fields({ on: '' })).toEqual(['on']);
    expect(fields({ minutes: '5' })).toEqual(['durationMinutes']);
    expect(fields({ minutes: '50.5' })).toEqual(['durationMinutes']);
    expect(fields({ minutes: '오십' })).toEqual(['durationMinutes']);
    expect(fields({ outcome: 'cancelled' })).toEqual(['cancelledBy']);
    expect(fields({ outcome: 'rescheduled' })).toEqual(['rescheduledTo']);
    expect(fields({ outcome: 'rescheduled', rescheduledTo: '2026-03-09' })).toEqual(['rescheduledTo']);
    expect(fields({ outcome: 'rescheduled', rescheduledTo: '2026-03-10' })).toEqual([]);
  });

  it('places the server’s field messages under the form’s fields', () => {
    expect(formFieldOf('durationMinutes')).toBe('durationMinutes');
    expect(formFieldOf('screening.phq9.8')).toBe('screening');
    expect(formFieldOf('somethingElse')).toBeUndefined();
  });
});
