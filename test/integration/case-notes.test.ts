import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caseWork } from '../support/case-work';
import { local } from '../support/cloud-test';

const work = caseWork(local);

function write(token: string, applicationId: string, body: unknown, key?: string) {
  return local.http('POST', `/api/staff/applications/${applicationId}/notes`, body, { ...work.bearer(token), ...(key ? { 'idempotency-key': key } : {}) });
}
function read(token: string, applicationId: string, query = '') {
  return local.http('GET', `/api/staff/applications/${applicationId}/notes${query}`, undefined, work.bearer(token));
}

/** Now by the local cloud's clock, which other tests may have moved forward. */
async function cloudNow(): Promise<Date> {
  const { body } = await local.http('GET', '/local/clock');
  return new Date(body.now);
}

const key = () => `note-${randomUUID()}`;

describe('case notes', () => {
  it('are written by the case team, read back newest contact first, kept once under a retried key, and refused to others', async () => {
    const jongno = await local.signIn('caseworker.jongno');
    const mapo = await local.signIn('caseworker.mapo');
    const park = await local.signIn('supervisor');
    const gangnam = await local.signIn('supervisor.gangnam');
    const operator = await local.signIn('operator');
    const receipt = await work.submitYouth('11110');
    const id = receipt.applicationId;
    const now = await cloudNow();
    // The form gives minutes: the application's own minute is the earliest a contact can be.
    const applicationMinute = now.getTime() - (now.getTime() % 60_000);
    const at = (seconds: number) => new Date(applicationMinute + seconds * 1000).toISOString();

    const call = { kind: 'phone', occurredAt: at(30), withWhom: '어머니', text: `12월 3일 어머니와 통화: 다음 주에 학교 서류를 보내기로 함 ${randomUUID().slice(0, 8)}` };
    const first = key();
    const written = await write(jongno, id, call, first);
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    expect(written.body).toMatchObject({ applicationId: id, kind: 'phone', withWhom: '어머니', text: call.text, author: { userId: 'caseworker.jongno', name: '김사례 (종로구)', groups: ['caseworker'] } });
    expect(written.body).not.toHaveProperty('by'); // where the author called from stays on the audit trail

    // A double click or a resend after a lost answer: the same note, not a second one.
    const again = await write(jongno, id, call, first);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(written.body);
    // The same key with other words is refused; another person's same key is their own note.
    const reused = await write(jongno, id, { ...call, text: '다른 내용' }, first);
    expect(reused.status).toBe(409);
    expect(reused.body.error.message.ko).toMatch(/[가-힣]/);

    // A supervisor of the district writes one too; it happened earlier, so it lists after the call.
    const visit = { kind: 'home-visit', occurredAt: at(0), text: '가정방문: 아이는 집에 없었음. 아버지와 면담' };
    const byPark = await write(park, id, visit, first);
    expect(byPark.status, JSON.stringify(byPark.body)).toBe(201);
    expect(byPark.body.author).toMatchObject({ userId: 'supervisor', groups: ['supervisor'] });
    expect(byPark.body.noteId).not.toBe(written.body.noteId);

    const listed = await read(jongno, id);
    expect(listed.status).toBe(200);
    expect(listed.body.notes.map((n: { noteId: string }) => n.noteId)).toEqual([written.body.noteId, byPark.body.noteId]);
    expect(listed.body.next).toBeUndefined();
    // A page at a time: the cursor leads on to the older note.
    const firstPage = await read(park, id, '?limit=1');
    expect(firstPage.body.notes.map((n: { noteId: string }) => n.noteId)).toEqual([written.body.noteId]);
    const secondPage = await read(park, id, `?limit=1&cursor=${encodeURIComponent(firstPage.body.next)}`);
    expect(secondPage.body.notes.map((n: { noteId: string }) => n.noteId)).toEqual([byPark.body.noteId]);
    expect((await read(park, id, '?cursor=not-a-cursor')).status).toBe(400);

    // Another district's staff, operators and anyone without a key write nothing and read nothing.
    for (const token of [mapo, gangnam]) {
      expect((await write(token, id, call, key())).status).toBe(403);
      expect((await read(token, id)).status).toBe(403);
    }
    expect((await write(operator, id, call, key())).status).toBe(403);
    expect((await read(operator, id)).status).toBe(403);
    const keyless = await write(jongno, id, call);
    expect(keyless.status).toBe(400);
    expect(keyless.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['Idempotency-Key']);
    expect((await write(jongno, 'A0000000000000000000000000', call, key())).status).toBe(404);

    // The time is checked against the case: not in the future, not before the application.
    const future = await write(jongno, id, { ...call, occurredAt: new Date(now.getTime() + 60 * 60_000).toISOString() }, key());
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual([{ field: 'occurredAt', code: 'case-note-in-future', message: { ko: expect.stringMatching(/[가-힣]/), en: expect.stringMatching(/future/) } }]);
    const before = await write(jongno, id, { ...call, occurredAt: new Date(now.getTime() - 24 * 60 * 60_000).toISOString() }, key());
    expect(before.body.error.fields.map((f: { code: string }) => f.code)).toEqual(['case-note-before-application']);
    const empty = await write(jongno, id, { kind: 'fax', occurredAt: 'yesterday', text: '' }, key());
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['kind', 'occurredAt', 'text']);

    // Still the two notes: nothing refused was stored.
    expect((await read(jongno, id)).body.notes).toHaveLength(2);

    // Each note is on the audit trail (without its words), and each read of them too.
    const trail = await local.http('GET', `/api/staff/applications/${id}/audit`, undefined, work.bearer(park));
    const actions = (trail.body.events as { action: string; detail?: Record<string, unknown> }[]).filter((e) => e.action.startsWith('case-note'));
    expect(actions.filter((e) => e.action === 'case-note.added').map((e) => e.detail?.noteId).sort()).toEqual([written.body.noteId, byPark.body.noteId].sort());
    expect(actions.some((e) => e.action === 'case-notes.viewed')).toBe(true);
    expect(JSON.stringify(trail.body.events)).not.toContain(call.text);

    // The citizen's status page never shows a note, nor that one was written.
    const citizen = await local.http('GET', `/api/applications/${id}`, undefined, { 'x-access-code': receipt.accessCode });
    expect(citizen.status).toBe(200);
    const seen = JSON.stringify(citizen.body);
    for (const hidden of [call.text, '어머니', 'case-note', '통화']) expect(seen).not.toContain(hidden);
  });
});
