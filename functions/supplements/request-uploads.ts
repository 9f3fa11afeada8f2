import { randomUUID } from 'node:crypto';
import { httpHandler } from '../commons/http';
import { problem } from '../commons/problems';
import { admitById } from '../status/citizen-access';
import { latestRound, nothingAsked } from './citizen-round';
import { presignUpload } from './document-store';
import { uploadsBody } from './answer-bodies';
import { UPLOAD_URL_SECONDS, uploadKey, type UploadContentType } from './supplement';

/**
 * POST /api/applications/{applicationId}/supplement/uploads — for the holder of the access code, while
 * a supplement waits for them: one presigned PUT address per requested document, for exactly the type
 * and size declared, under the application's own prefix, valid 15 minutes.
 */
export const handler = httpHandler(async (event) => {
  const applicationId = event.pathParameters?.applicationId ?? '';
  await admitById(applicationId, event.headers?.['x-access-code'], event.requestContext.http.sourceIp, 'supplement.uploads-requested');
  const body = uploadsBody.parse(event.jsonBody);
  const { round } = await latestRound(applicationId);
  if (round.state !== 'waiting') throw nothingAsked();
  const notAsked = body.documents.flatMap((d, i) =>
    round.request.documents.includes(d.documentId)
      ? []
      : [{ field: `documents.${i}.documentId`, code: 'upload-not-asked', message: { ko: '보완 요청에 없는 서류입니다', en: 'This document was not asked for' } }],
  );
  if (notAsked.length) throw problem.invalidInput(notAsked);
  const expiresAt = new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString();
  const uploads = await Promise.all(
    body.documents.map(async ({ documentId, contentType, size }) => {
      const uploadId = randomUUID();
      const { url, headers } = await presignUpload(uploadKey(applicationId, round.round, documentId, uploadId), contentType as UploadContentType, size);
      return { documentId, uploadId, method: 'PUT', url, headers, expiresAt };
    }),
  );
  return { status: 200, body: { round: round.round, uploads } };
});
