import { getProgramme } from '../../forms';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { HttpProblem, problem, type FieldProblem } from '../commons/problems';
import { auditEvent } from '../applications/audit';
import { transition } from '../applications/store';
import { sendOutput } from '../applications/renewed-token';
import { admitById } from '../status/citizen-access';
import { supplementAnswerBody } from './answer-bodies';
import { latestRound, nothingAsked } from './citizen-round';
import { checkCorrections } from './corrections';
import { describeUpload } from './document-store';
import { isUploadContentType, MAX_UPLOAD_BYTES, startsAsDeclared, supplementAnswered, uploadKey, type SupplementDocument, type SupplementRound } from './supplement';
import { answeredWrite, getSupplement } from './supplement-store';

const uploadProblem = (field: string, code: string, ko: string, en: string): FieldProblem => ({ field, code, message: { ko, en } });

/** Each named upload as stored, or the problems with it (missing, too large, not the type it claims). */
async function checkedUploads(applicationId: string, round: SupplementRound, documents: { documentId: string; uploadId: string }[]) {
  const problems: FieldProblem[] = [];
  const checked: SupplementDocument[] = [];
  await Promise.all(
    documents.map(async ({ documentId, uploadId }, i) => {
      const field = `documents.${i}`;
      if (!round.request.documents.includes(documentId) || documents.findIndex((d) => d.documentId === documentId) !== i) {
        return problems.push(uploadProblem(field, 'upload-not-asked', '보완 요청에 없거나 두 번 보낸 서류입니다', 'This document was not asked for, or is sent twice'));
      }
      const key = uploadKey(applicationId, round.round, documentId, uploadId);
      const stored = await describeUpload(key);
      if (!stored) return problems.push(uploadProblem(field, 'upload-missing', '파일이 올라가지 않았습니다. 다시 올려 주세요', 'The file did not arrive. Please upload it again'));
      if (stored.size > MAX_UPLOAD_BYTES || stored.size === 0) {
        return problems.push(uploadProblem(field, 'upload-size', '파일은 1바이트 이상 10MB 이하여야 합니다', 'A file must be between 1 byte and 10 MB'));
      }
      if (!isUploadContentType(stored.contentType) || !startsAsDeclared(stored.contentType, stored.firstBytes)) {
        return problems.push(uploadProblem(field, 'upload-type', 'PDF, JPEG, PNG 파일만 올릴 수 있습니다', 'Only PDF, JPEG or PNG files can be uploaded'));
      }
      checked.push({ documentId, uploadId, key, contentType: stored.contentType, size: stored.size });
    }),
  );
  return { problems, checked };
}

const alreadyClosed = () =>
  new HttpProblem(409, 'supplement-closed', {
    ko: '보완 제출 기한이 지나 담당자에게 넘어갔습니다. 담당 자치구에 문의해 주세요.',
    en: 'The deadline for this supplement has passed and the case is back with the case manager. Please contact the district.',
  });

/**
 * POST /api/applications/{applicationId}/supplement — the citizen's answer: uploaded documents (each
 * checked where it lies: there, within the size, truly of its type), corrected answers (checked by
 * the form's schema) and a note. Recorded with the corrected answers and audited in one transaction
 * while the round waits; then the workflow's token is answered and a fresh review task opens.
 */
export const handler = httpHandler(async (event) => {
  const applicationId = event.pathParameters?.applicationId ?? '';
  await admitById(applicationId, event.headers?.['x-access-code'], event.requestContext.http.sourceIp, 'supplement.opened');
  const answer = supplementAnswerBody.parse(event.jsonBody);
  const { application, round } = await latestRound(applicationId);
  if (round.state === 'answered') return resume(round); // a retry after the answer was stored
  if (round.state !== 'waiting') throw round.state === 'no-answer' ? alreadyClosed() : nothingAsked();

  const programme = getProgramme(application.programme);
  const fields = checkCorrections(programme, application.answers, answer.fields, round.request.fields, new Date(application.createdAt));
  const uploads = await checkedUploads(applicationId, round, answer.documents);
  const problems = [...uploads.problems, ...fields.problems];
  if (problems.length) throw problem.invalidInput(problems);

  const at = now().toISOString();
  const recorded = { documents: uploads.checked, fields: fields.corrected, ...(answer.note ? { note: answer.note } : {}), answeredAt: at };
  const result = await transition(applicationId, {
    from: ['supplement-requested'],
    to: 'supplement-requested',
    set: { answers: fields.answers, supplement: { round: round.round, state: 'answered', ...(round.dueAt ? { dueAt: round.dueAt } : {}) } },
    audit: auditEvent({
      applicationId,
      at,
      actor: { kind: 'citizen', sourceIp: event.requestContext.http.sourceIp },
      action: 'supplement.answered',
      // The citizen's own step: their timeline confirms it while the review waits to reopen.
      visibleToApplicant: true,
      detail: { round: round.round, documents: uploads.checked.map((d) => d.documentId).join(','), fields: fields.corrected.map((f) => f.name).join(',') },
    }),
    with: [answeredWrite(applicationId, round.round, recorded)],
  });
  // Not applied: the round stopped waiting meanwhile (answered by a parallel request, or lapsed).
  if (!result.applied) {
    const again = await latestRound(applicationId);
    if (again.round.state === 'answered') return resume(again.round);
    throw alreadyClosed();
  }
  return resume({ ...round, state: 'answered' });
});

/**
 * Answers the workflow's wait; spent already means an earlier attempt (or the deadline) did — or that
 * AwaitSupplement was tried again and the round now holds the new attempt's token, which is answered.
 */
async function resume(round: SupplementRound) {
  if (round.taskToken && (await sendOutput(round.taskToken, supplementAnswered(round.round))) === 'spent') {
    const current = await getSupplement(round.applicationId, round.round);
    if (current?.taskToken && current.taskToken !== round.taskToken) await sendOutput(current.taskToken, supplementAnswered(round.round));
  }
  return { status: 202, body: { round: round.round, state: 'answered' } };
}
