import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seoulIsoDate } from '../../forms/dates';
import { caseWork } from '../support/case-work';
import { local } from '../support/cloud-test';

const work = caseWork(local);

function ask(token: string, applicationId: string, body: unknown) {
  return local.http('POST', `/api/staff/applications/${applicationId}/supervision`, body, work.bearer(token));
}
function accept(token: string, requestId: string, body: unknown) {
  return local.http('POST', `/api/staff/supervision/${requestId}/acceptance`, body, work.bearer(token));
}
function advise(token: string, requestId: string, body: unknown) {
  return local.http('POST', `/api/staff/supervision/${requestId}/advice`, body, work.bearer(token));
}
function list(token: string, query: string) {
  return local.http('GET', `/api/staff/supervision?${query}`, undefined, work.bearer(token));
}

/** Pages through a state's list until the request shows (or the list ends), as a supervisor would. */
async function findListed(token: string, state: string, requestId: string) {
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const response = await list(token, `state=${state}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    const found = response.body.requests.find((r: { requestId: string }) => r.requestId === requestId);
    if (found) return found;
    cursor = response.body.next;
    if (!cursor) return undefined;
  }
  throw new Error('the list did not end');
}

/** Today in Seoul by the local cloud's clock, which other tests may have moved forward. */
async function cloudToday(): Promise<string> {
  const { body } = await local.http('GET', '/local/clock');
  return seoulIsoDate(new Date(body.now));
}

const question = () => `알코올 의존 아버지와 등교 거부 자녀, 가족 개입 순서를 어떻게 할까요? ${randomUUID().slice(0, 8)}`;
const tried = '정신건강복지센터 연계 (아버지 거부), 학교 사회복지사와 사례회의 1회';

describe('supervision of a hard case', () => {
  it('is asked by the caseworker, listed, taken on by one supervisor, advised, and joins the case file', async () => {
    const jongno = await local.signIn('caseworker.jongno');
    const mapo = await local.signIn('caseworker.mapo');
    const park = await local.signIn('supervisor');
    const kim = await local.signIn('supervisor.kim');
    const receipt = await work.submitYouth('11110');
    const body = { question: question(), tried, urgency: 'urgent', preferredForm: 'visiting' };

    // Only the case's caseworkers ask; a supervisor does not ask supervision; bad fields are named.
    expect((await ask(mapo, receipt.applicationId, body)).status).toBe(403);
    expect((await ask(park, receipt.applicationId, body)).status).toBe(403);
    const invalid = await ask(jongno, receipt.applicationId, { question: '', urgency: 'soon', preferredForm: '방문' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['preferredForm', 'question', 'tried']);
    expect(invalid.body.error.fields.find((f: { field: string }) => f.field === 'question').message).toEqual({ ko: expect.stringContaining('슈퍼비전'), en: expect.stringContaining('supervisor') });

    const asked = await ask(jongno, receipt.applicationId, body);
    expect(asked.status).toBe(201);
    const { requestId } = asked.body;
    expect(asked.body).toMatchObject({ applicationId: receipt.applicationId, receiptNumber: receipt.receiptNumber, district: '11110', state: 'open', ask: body, askedBy: 'caseworker.jongno' });
    // Sent again (a lost answer): the same request, not a second one.
    const again = await ask(jongno, receipt.applicationId, body);
    expect(again.status).toBe(200);
    expect(again.body.requestId).toBe(requestId);

    // Supervisors list it among the open requests, most urgent first; caseworkers cannot list.
    expect((await list(jongno, 'state=open')).status).toBe(403);
    expect(await findListed(park, 'open', requestId)).toMatchObject({ state: 'open', ask: { question: body.question } });
    expect((await list(park, 'state=open&cursor=not-a-cursor')).status).toBe(400);
    expect((await list(park, 'state=closed')).status).toBe(400);

    // A caseworker cannot take it on, nor record advice before anyone has.
    const today = await cloudToday();
    const arrangement = { form: 'in-office', sessionOn: today, place: '사회보장정보원 3층 회의실 14시' };
    expect((await accept(jongno, requestId, arrangement)).status).toBe(403);
    const early = await advise(park, requestId, { advice: '먼저', agreedActions: ['x'] });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('supervision-not-accepted');
    const past = await accept(park, requestId, { ...arrangement, sessionOn: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.error.fields[0]).toMatchObject({ field: 'sessionOn', code: 'supervision-session-in-past' });

    // Two supervisors at once: one takes it on, the other is told it was taken.
    const [a, b] = await Promise.all([accept(park, requestId, arrangement), accept(kim, requestId, { ...arrangement, form: 'visiting' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser, winnerBody] = a.status === 200 ? [park, kim, arrangement] : [kim, park, { ...arrangement, form: 'visiting' }];
    expect((a.status === 200 ? b : a).body.error.code).toBe('supervision-taken');
    // The winner's retry is answered with the standing arrangement.
    const retried = await accept(winner, requestId, winnerBody);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: 'accepted', acceptance: { ...winnerBody } });
    expect(await findListed(park, 'accepted', requestId)).toMatchObject({ state: 'accepted' });
    expect(await findListed(park, 'open', requestId)).toBeUndefined();

    // Only the supervisor who took it on records the advice; the same advice again stands.
    const advice = { advice: '아버지보다 자녀의 안전과 등교 지원을 먼저. 아버지에게는 동기강화 면담으로 접근.', agreedActions: ['학교와 주 1회 등교 확인', '알코올 상담센터 방문 동행 제안'], followUpOn: '2099-01-01' };
    expect((await advise(loser, requestId, advice)).body.error.code).toBe('supervision-accepted-by-another');
    expect((await advise(jongno, requestId, advice)).status).toBe(403);
    const advised = await advise(winner, requestId, advice);
    expect(advised.status).toBe(200);
    expect(advised.body).toMatchObject({ state: 'advised', advice: { ...advice } });
    expect((await advise(winner, requestId, advice)).status).toBe(200);
    expect((await advise(winner, requestId, { ...advice, agreedActions: ['다른 말'] })).body.error.code).toBe('supervision-already-advised');
    expect(await findListed(park, 'advised', requestId)).toMatchObject({ state: 'advised' });

    // The case file shows it to the case's caseworker; another district's caseworker sees nothing.
    const file = await work.caseFile(jongno, receipt.applicationId);
    expect(file.supervision).toEqual([expect.objectContaining({ requestId, state: 'advised', ask: body, acceptance: expect.objectContaining(winnerBody), advice: expect.objectContaining(advice) })]);
    expect(JSON.stringify(file.supervision)).not.toContain('sourceIp');
    expect((await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, work.bearer(mapo))).status).toBe(403);

    // The audit trail says who asked, who took it on and who advised.
    const events = await work.auditTrail(park, receipt.applicationId);
    expect(events.filter((e) => e.action.startsWith('supervision.')).map((e) => [e.action, e.actor.userId])).toEqual([
      ['supervision.requested', 'caseworker.jongno'],
      ['supervision.accepted', a.status === 200 ? 'supervisor' : 'supervisor.kim'],
      ['supervision.advised', a.status === 200 ? 'supervisor' : 'supervisor.kim'],
    ]);
  });

  it('answers an unknown request id with 404, and a made-up one too', async () => {
    const park = await local.signIn('supervisor');
    expect((await accept(park, 'A0000000000000000000000000-S1', { form: 'visiting', sessionOn: '2099-01-01' })).status).toBe(404);
    expect((await accept(park, 'nothing', { form: 'visiting', sessionOn: '2099-01-01' })).status).toBe(404);
  });
});
