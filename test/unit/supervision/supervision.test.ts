import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../forms/errors';
import { supervisionAcceptanceBody, supervisionAdviceBody, supervisionAskBody } from '../../../functions/supervision/bodies';
import {
  listingKey,
  parseSupervisionRequestId,
  planAcceptance,
  planAdvice,
  planAsk,
  requestIdOfListingKey,
  supervisionRequestId,
  type SupervisionAsk,
  type SupervisionRequest,
} from '../../../functions/supervision/supervision';

const APP = 'A0123456789ABCDEFGHJKMNPQR';
const caseworker = { kind: 'staff' as const, userId: 'caseworker.jongno', groups: ['caseworker'] };
const park = { kind: 'staff' as const, userId: 'supervisor', groups: ['supervisor'] };
const ask: SupervisionAsk = { question: '치료를 거부하는 정신질환 가구, 어떻게 개입할까요?', tried: '정신건강복지센터 연계 2회 (거부)', urgency: 'soon', preferredForm: 'visiting' };

function request(fields: Partial<SupervisionRequest> = {}): SupervisionRequest {
  return {
    requestId: supervisionRequestId(APP, 1),
    applicationId: APP,
    sequence: 1,
    receiptNumber: 'DB-2026-ABCDEFGH',
    district: '11110',
    programme: 'youth',
    state: 'open',
    ask,
    askedBy: caseworker,
    askedAt: '2026-03-02T01:00:00.000Z',
    ...fields,
  };
}

const accepted = (by = park) => request({ state: 'accepted', acceptance: { form: 'in-office', sessionOn: '2026-03-10', place: '정보원 3층', by, at: '2026-03-03T00:00:00.000Z' } });
const advice = { advice: '위기 시 안전계획부터', agreedActions: ['가족 면담', '주 1회 안부 확인'], followUpOn: '2026-04-10' };
const advised = () => ({ ...accepted(), state: 'advised' as const, advice: { ...advice, by: park, at: '2026-03-10T06:00:00.000Z' } });

describe('request ids', () => {
  it('name their application and sequence, and nothing else parses', () => {
    expect(parseSupervisionRequestId(supervisionRequestId(APP, 12))).toEqual({ applicationId: APP, sequence: 12 });
    for (const bad of [`${APP}-S0`, `${APP}-S1000`, `${APP}-S01`, `${APP}.S1`, 'A123-S1', `${APP}-S1#x`]) expect(parseSupervisionRequestId(bad)).toBeUndefined();
  });
});

describe('planAsk', () => {
  it('numbers a new request after the case’s last one', () => {
    expect(planAsk([], ask, 'caseworker.jongno')).toEqual({ kind: 'new', sequence: 1 });
    expect(planAsk([request(), request({ sequence: 2, state: 'advised', ask: { ...ask, question: '다른 질문' } })], { ...ask, question: '세 번째' }, 'caseworker.jongno')).toEqual({ kind: 'new', sequence: 3 });
  });

  it('answers the same ask by the same caseworker, still open, with the request it made', () => {
    const open = request();
    expect(planAsk([open], { ...ask }, 'caseworker.jongno')).toEqual({ kind: 'repeat', request: open });
  });

  it('makes a new request when the words, the asker or the state differ', () => {
    expect(planAsk([request()], { ...ask, urgency: 'urgent' }, 'caseworker.jongno').kind).toBe('new');
    expect(planAsk([request()], ask, 'caseworker.other').kind).toBe('new');
    expect(planAsk([accepted()], ask, 'caseworker.jongno').kind).toBe('new');
  });

  it('refuses past the last number an id holds', () => {
    expect(planAsk([request({ sequence: 999 })], { ...ask, question: '또' }, 'caseworker.jongno')).toEqual({ kind: 'refused', why: 'too-many' });
  });
});

describe('planAcceptance: open → accepted', () => {
  const wanted = { form: 'in-office' as const, sessionOn: '2026-03-10', place: '정보원 3층' };

  it('takes an open request on for a day from today up to 90 days ahead', () => {
    expect(planAcceptance(request(), wanted, 'supervisor', '2026-03-10')).toEqual({ kind: 'apply' });
    expect(planAcceptance(request(), { ...wanted, sessionOn: '2026-06-08' }, 'supervisor', '2026-03-10')).toEqual({ kind: 'apply' });
    expect(planAcceptance(request(), wanted, 'supervisor', '2026-03-11')).toEqual({ kind: 'refused', why: 'session-in-past' });
    expect(planAcceptance(request(), { ...wanted, sessionOn: '2026-06-09' }, 'supervisor', '2026-03-10')).toEqual({ kind: 'refused', why: 'session-too-far' });
  });

  it('tells the supervisor who took it that the same arrangement stands, and refuses a changed one', () => {
    expect(planAcceptance(accepted(), wanted, 'supervisor', '2026-03-05')).toEqual({ kind: 'standing' });
    expect(planAcceptance(accepted(), { ...wanted, sessionOn: '2026-03-11' }, 'supervisor', '2026-03-05')).toEqual({ kind: 'refused', why: 'already-accepted' });
    expect(planAcceptance(accepted(), { ...wanted, place: undefined }, 'supervisor', '2026-03-05')).toEqual({ kind: 'refused', why: 'already-accepted' });
  });

  it('refuses another supervisor, whatever they send, and anyone once advised', () => {
    expect(planAcceptance(accepted(), wanted, 'supervisor.kim', '2026-03-05')).toEqual({ kind: 'refused', why: 'taken-by-another' });
    expect(planAcceptance(advised(), wanted, 'supervisor', '2026-03-11')).toEqual({ kind: 'refused', why: 'already-advised' });
  });
});

describe('planAdvice: accepted → advised', () => {
  it('records the advice of the supervisor who took it on, from the session day on', () => {
    expect(planAdvice(accepted(), advice, 'supervisor', '2026-03-10')).toEqual({ kind: 'apply' });
    expect(planAdvice(accepted(), advice, 'supervisor', '2026-03-09')).toEqual({ kind: 'refused', why: 'before-session' });
    expect(planAdvice(accepted(), { ...advice, followUpOn: '2026-03-10' }, 'supervisor', '2026-03-10')).toEqual({ kind: 'refused', why: 'follow-up-in-past' });
    expect(planAdvice(accepted(), { ...advice, followUpOn: undefined }, 'supervisor', '2026-03-10')).toEqual({ kind: 'apply' });
  });

  it('refuses advice on a request nobody took on, or from another supervisor', () => {
    expect(planAdvice(request(), advice, 'supervisor', '2026-03-10')).toEqual({ kind: 'refused', why: 'not-accepted' });
    expect(planAdvice(accepted(), advice, 'supervisor.kim', '2026-03-10')).toEqual({ kind: 'refused', why: 'accepted-by-another' });
  });

  it('answers the same advice sent again as standing, and keeps the record against other words', () => {
    expect(planAdvice(advised(), advice, 'supervisor', '2026-03-20')).toEqual({ kind: 'standing' });
    expect(planAdvice(advised(), { ...advice, agreedActions: ['가족 면담'] }, 'supervisor', '2026-03-20')).toEqual({ kind: 'refused', why: 'already-advised' });
  });
});

describe('listingKey', () => {
  it('orders open requests most urgent first, then oldest first', () => {
    const keys = [
      request({ ask: { ...ask, urgency: 'routine' }, askedAt: '2026-03-01T00:00:00.000Z' }),
      request({ ask: { ...ask, urgency: 'urgent' }, askedAt: '2026-03-05T00:00:00.000Z' }),
      request({ ask: { ...ask, urgency: 'soon' }, askedAt: '2026-03-02T00:00:00.000Z' }),
      request({ ask: { ...ask, urgency: 'urgent' }, askedAt: '2026-03-04T00:00:00.000Z' }),
    ].map(listingKey);
    expect([...keys].sort().map((k) => k.slice(0, 26))).toEqual(['0#2026-03-04T00:00:00.000Z', '0#2026-03-05T00:00:00.000Z', '1#2026-03-02T00:00:00.000Z', '2#2026-03-01T00:00:00.000Z']);
  });

  it("gives back the request id of its own state's keys only (a page cursor)", () => {
    const open = listingKey(request());
    expect(requestIdOfListingKey('open', open)).toBe(supervisionRequestId(APP, 1));
    expect(requestIdOfListingKey('accepted', open)).toBeUndefined();
    expect(requestIdOfListingKey('accepted', listingKey(accepted()))).toBe(supervisionRequestId(APP, 1));
    expect(requestIdOfListingKey('advised', listingKey(advised()))).toBe(supervisionRequestId(APP, 1));
    expect(requestIdOfListingKey('open', '0#2026-03-04T00:00:00.000Z#not-an-id')).toBeUndefined();
  });
});

describe('the supervision bodies', () => {
  it('accept an ask, trimmed, and refuse a missing question or what was tried, in ko and en', () => {
    expect(supervisionAskBody.parse({ ...ask, question: `  ${ask.question}\n` }).question).toBe(ask.question);
    const result = supervisionAskBody.safeParse({ question: '  ', urgency: 'soon', preferredForm: 'home' });
    expect(result.success).toBe(false);
    const fields = fieldErrors(result.error!);
    expect(fields.map((f) => f.field).sort()).toEqual(['preferredForm', 'question', 'tried']);
    expect(fields.find((f) => f.field === 'tried')).toMatchObject({ code: 'supervision-tried-required', message: { ko: expect.stringContaining('개입'), en: expect.stringContaining('tried') } });
  });

  it('refuses hidden characters and unknown fields', () => {
    expect(supervisionAskBody.safeParse({ ...ask, question: '질문\u202E' }).success).toBe(false);
    expect(supervisionAskBody.safeParse({ ...ask, district: '11440' }).success).toBe(false);
  });

  it('takes an acceptance with a real day, and refuses 2026-02-30', () => {
    expect(supervisionAcceptanceBody.parse({ form: 'visiting', sessionOn: '2026-03-10', place: ' ' })).toEqual({ form: 'visiting', sessionOn: '2026-03-10' });
    const result = supervisionAcceptanceBody.safeParse({ form: 'visiting', sessionOn: '2026-02-30' });
    expect(fieldErrors(result.error!)).toEqual([{ field: 'sessionOn', code: 'supervision-session-date', message: { ko: expect.stringContaining('YYYY-MM-DD'), en: expect.stringContaining('session day') } }]);
  });

  it('needs at least one agreed action, each on one line', () => {
    expect(fieldErrors(supervisionAdviceBody.safeParse({ advice: '조언', agreedActions: [] }).error!)[0]).toMatchObject({ field: 'agreedActions', code: 'supervision-action-required' });
    expect(fieldErrors(supervisionAdviceBody.safeParse({ advice: '조언', agreedActions: ['한 줄\n두 줄'] }).error!)[0]).toMatchObject({ field: 'agreedActions.0', code: 'supervision-action-one-line' });
    expect(supervisionAdviceBody.parse({ advice: '조언', agreedActions: [' 가족 면담 '], followUpOn: '2026-04-01' })).toEqual({ advice: '조언', agreedActions: ['가족 면담'], followUpOn: '2026-04-01' });
  });
});
