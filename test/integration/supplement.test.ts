import { describe, expect, it } from 'vitest';
import { eventually } from '../support/clients';
import { caseWork, type Receipt } from '../support/case-work';
import { local, untilExecutionStatus } from '../support/cloud-test';

const work = caseWork(local);
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const asking = { documents: ['identity'], fields: ['applicant.phone'], message: '신분증 사본을 올려 주시고, 연락처를 확인해 주세요.' };

const citizen = (receipt: Receipt, code = receipt.accessCode) => ({ 'x-access-code': code });
const uploads = (receipt: Receipt, documents: unknown, code?: string) =>
  local.http('POST', `/api/applications/${receipt.applicationId}/supplement/uploads`, { documents }, citizen(receipt, code));
const answer = (receipt: Receipt, body: unknown, code?: string) => local.http('POST', `/api/applications/${receipt.applicationId}/supplement`, body, citizen(receipt, code));

/** A youth application in review, and the case manager who asks for a supplement on it. */
async function askedForSupplement() {
  const token = await local.signIn('caseworker.jongno');
  const receipt = await work.submitYouth();
  await work.untilStatus(receipt, 'awaiting-review');
  const first = await work.untilOpenTask(token, receipt.applicationId);
  const decided = await work.decide(token, first.taskId, { decision: 'request-info', note: '신분 확인 필요', supplement: asking });
  expect(decided.status).toBe(202);
  // The workflow waits for the citizen once the status page shows what is asked.
  const view = await eventually(async () => {
    const v = await work.citizenView(receipt);
    return v.status === 'supplement-requested' && v.supplement ? v : undefined;
  }, 'the supplement on the status page');
  return { token, receipt, first, view };
}

/** Asks for an upload address and PUTs `bytes` to it as the browser does. */
async function upload(receipt: Receipt, contentType: string, bytes: Uint8Array) {
  const asked = await uploads(receipt, [{ documentId: 'identity', contentType, size: bytes.byteLength }]);
  expect(asked.status).toBe(200);
  const [slot] = asked.body.uploads;
  const put = await fetch(slot.url, { method: 'PUT', headers: slot.headers, body: Buffer.from(bytes) });
  expect(put.status).toBe(200);
  return slot.uploadId as string;
}

describe('a supplement (보완 요청)', () => {
  it('is refused without what is missing, or with a document the programme does not list', async () => {
    const token = await local.signIn('caseworker.jongno');
    const receipt = await work.submitYouth();
    await work.untilStatus(receipt, 'awaiting-review');
    const task = await work.untilOpenTask(token, receipt.applicationId);
    const bare = await work.decide(token, task.taskId, { decision: 'request-info', note: '보완' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toEqual([expect.objectContaining({ field: 'supplement', code: 'supplement-required' })]);
    const unknown = await work.decide(token, task.taskId, { decision: 'request-info', supplement: { documents: ['passport'], message: '여권' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([expect.objectContaining({ field: 'supplement.documents.0', code: 'supplement-unknown-document' })]);
  });

  it('with an uploaded document returns the task to the case manager, carrying it', async () => {
    const { token, receipt, first, view } = await askedForSupplement();
    // The citizen reads what is missing in plain words, with the deadline (14 days).
    expect(view.statusLabel.ko).toContain('보완');
    expect(view.supplement.message).toBe(asking.message);
    expect(view.supplement.documents).toEqual([{ id: 'identity', label: { ko: '신분증(나이 확인)', en: 'Identity card (to confirm age)' } }]);
    expect(view.supplement.fields).toEqual([expect.objectContaining({ name: 'applicant.phone', label: expect.objectContaining({ ko: expect.any(String) }), current: '010-5555-0000' })]);
    const days = (Date.parse(view.supplement.dueAt) - Date.parse(view.updatedAt)) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14.01);

    // A wrong access code opens nothing.
    expect((await uploads(receipt, [{ documentId: 'identity', contentType: 'application/pdf', size: 10 }], 'WRONG-CODE-0000')).status).toBe(404);
    expect((await answer(receipt, { note: '제출' }, 'WRONG-CODE-0000')).status).toBe(404);
    // Too large, or not a PDF, JPEG or PNG: no upload address.
    const tooLarge = await uploads(receipt, [{ documentId: 'identity', contentType: 'application/pdf', size: 10 * 1024 * 1024 + 1 }]);
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error.fields).toEqual([expect.objectContaining({ field: 'documents.0.size', code: 'upload-size' })]);
    const wrongType = await uploads(receipt, [{ documentId: 'identity', contentType: 'application/x-msdownload', size: 100 }]);
    expect(wrongType.body.error.fields).toEqual([expect.objectContaining({ field: 'documents.0.contentType', code: 'upload-type' })]);
    expect((await uploads(receipt, [{ documentId: 'referral-letter', contentType: 'application/pdf', size: 100 }])).body.error.fields).toEqual([
      expect.objectContaining({ field: 'documents.0.documentId', code: 'upload-not-asked' }),
    ]);

    // A file that claims to be a PNG but is not, and an upload that never arrived, are refused on submission.
    const pretending = await upload(receipt, 'image/png', pdf);
    const refused = await answer(receipt, { documents: [{ documentId: 'identity', uploadId: pretending }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ field: 'documents.0', code: 'upload-type' })]);
    const missing = await answer(receipt, { documents: [{ documentId: 'identity', uploadId: '00000000-0000-4000-8000-000000000000' }] });
    expect(missing.body.error.fields).toEqual([expect.objectContaining({ field: 'documents.0', code: 'upload-missing' })]);
    const badPhone = await answer(receipt, { fields: { 'applicant.phone': '전화 없음' } });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.fields[0].field).toBe('fields.applicant.phone');

    const uploadId = await upload(receipt, 'application/pdf', pdf);
    const sent = await answer(receipt, { documents: [{ documentId: 'identity', uploadId }], fields: { 'applicant.phone': '010-1111-2222' }, note: '신분증 사본입니다.' });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ round: 1, state: 'answered' });

    // A fresh review task, carrying the supplement.
    const returned = await work.untilOpenTask(token, receipt.applicationId, 'review', first.taskId);
    expect(returned.supplement).toEqual({ round: 1, outcome: 'answered' });
    const file = await work.caseFile(token, receipt.applicationId);
    expect(file.status).toBe('awaiting-review');
    expect(file.answers.applicant.phone).toBe('010-1111-2222');
    const [round] = file.supplements;
    expect(round).toMatchObject({ round: 1, state: 'answered', request: asking, requestedBy: { userId: 'caseworker.jongno' } });
    expect(round.taskToken).toBeUndefined();
    expect(round.answer.note).toBe('신분증 사본입니다.');
    expect(round.answer.fields).toEqual([{ name: 'applicant.phone', before: '010-5555-0000', after: '010-1111-2222' }]);
    expect(round.answer.documents).toEqual([{ documentId: 'identity', uploadId, contentType: 'application/pdf', size: pdf.byteLength }]);

    // The case manager opens the document through a short-lived link, and the read is audited.
    const link = await local.http('GET', `/api/staff/applications/${receipt.applicationId}/supplements/1/documents/identity`, undefined, work.bearer(token));
    expect(link.status).toBe(200);
    const downloaded = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
    expect(Buffer.from(downloaded).equals(Buffer.from(pdf))).toBe(true);
    const other = await local.signIn('caseworker.mapo');
    expect((await local.http('GET', `/api/staff/applications/${receipt.applicationId}/supplements/1/documents/identity`, undefined, work.bearer(other))).status).toBe(403);
    const audit = await work.auditTrail(token, receipt.applicationId);
    expect(audit.find((e) => e.action === 'review.decided' && e.detail?.decision === 'request-info')?.detail).toMatchObject({ message: asking.message, documents: 'identity', round: 1 });
    expect(audit.some((e) => e.action === 'supplement.answered' && e.actor.kind === 'citizen')).toBe(true);
    expect(audit.find((e) => e.action === 'supplement.document-opened')?.detail).toEqual({ round: 1, documentId: 'identity' });
    // Answered once: a second answer is not a second supplement.
    expect((await answer(receipt, { note: '또' })).status).toBe(202);
    expect((await work.caseFile(token, receipt.applicationId)).supplements).toHaveLength(1);
  });

  it('returns the task marked "no answer" when the deadline passes', async () => {
    const { token, receipt, first } = await askedForSupplement();
    await local.advanceClock('+15d');
    const returned = await work.untilOpenTask(token, receipt.applicationId, 'review', first.taskId);
    expect(returned.supplement).toEqual({ round: 1, outcome: 'no-answer' });
    const file = await work.caseFile(token, receipt.applicationId);
    expect(file.supplements[0]).toMatchObject({ state: 'no-answer', stateLabel: { ko: '기한 내 답변 없음', en: 'No answer by the deadline' } });
    const late = await answer(receipt, { note: '늦었습니다' });
    expect(late.status).toBe(409);
    expect(late.body.error.message.ko).toContain('기한');
  });

  it('ends at Closed when the citizen withdraws while a supplement is asked', async () => {
    const { receipt } = await askedForSupplement();
    // The status page shows the request once the workflow waits on the citizen: the token is kept.
    const withdrawn = await local.http('POST', `/api/applications/${receipt.applicationId}/withdrawal`, { note: '다른 기관에서 상담을 받게 되었어요' }, citizen(receipt));
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(202);
    await work.untilStatus(receipt, 'closed');
    await untilExecutionStatus(receipt.applicationId, 'SUCCEEDED');
    expect((await work.citizenView(receipt)).closure).toMatchObject({ yourNote: '다른 기관에서 상담을 받게 되었어요' });
  });
});
