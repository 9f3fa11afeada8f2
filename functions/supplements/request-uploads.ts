import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { message } from '../../forms/messages';
import { httpHandler } from '../commons/http';
import { problem } from '../commons/problems';
import { admitCitizen } from '../status/citizen-access';
import { latestRound, nothingAsked } from './citizen-round';
import { presignUpload } from './document-store';
import { isUploadContentType, MAX_UPLOAD_BYTES, UPLOAD_URL_SECONDS, uploadKey, type UploadContentType } from './supplement';

const typeText = message('upload-type', { ko: 'PDF, JPEG, PNG 파일만 올릴 수 있습니다', en: 'Only PDF, JPEG or PNG files can be uploaded' });
const sizeText = message('upload-size', { ko: '파일은 1바이트 이상 10MB 이하여야 합니다', en: 'A file must be between 1 byte and 10 MB' });

export const uploadsBody = z
  .object({
    documents: z
      .array(
        z
          .object({
            documentId: z.string().max(64),
            contentType: z.string().max(100).refine(isUploadContentType, typeText),
            size: z.number({ error: sizeText }).int(sizeText).min(1, sizeText).max(MAX_UPLOAD_BYTES, sizeText),
          })
          .strict(),
      )
      .min(1, message('upload-none', { ko: '올릴 파일을 하나 이상 골라 주세요', en: 'Choose at least one file to upload' }))
      .max(20),
  })
  .strict();

/**
 * POST /api/applications/{applicationId}/supplement/uploads — for the holder of the access code, while
 * a supplement waits for them: one presigned PUT address per requested document, for exactly the type
 * and size declared, under the application's own prefix, valid 15 minutes.
 */
export const handler = httpHandler(async (event) => {
  const applicationId = event.pathParameters?.applicationId ?? '';
  await admitCitizen(applicationId, event.headers?.['x-access-code'], event.requestContext.http.sourceIp, 'supplement.uploads-requested');
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
