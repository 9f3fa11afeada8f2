import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import { decisionNote } from '../review/decision-note';
import { isUploadContentType, MAX_UPLOAD_BYTES } from './supplement';

/** The bodies of the citizen's supplement routes, apart from their handlers so the OpenAPI document can read them without the SDK. */

const typeText = message('upload-type', { ko: 'PDF, JPEG, PNG 파일만 올릴 수 있습니다', en: 'Only PDF, JPEG or PNG files can be uploaded' });
const sizeText = message('upload-size', { ko: '파일은 1바이트 이상 10MB 이하여야 합니다', en: 'A file must be between 1 byte and 10 MB' });

/** POST …/supplement/uploads: the files the citizen is about to upload, as the browser knows them. */
export const uploadsBody = z.strictObject({
  documents: z
    .array(
      z.strictObject({
        documentId: z.string().check(z.maxLength(64)),
        contentType: z.string().check(z.maxLength(100), z.refine(isUploadContentType, typeText)),
        size: z.number({ error: sizeText }).check(z.int(sizeText), z.gte(1, sizeText), z.lte(MAX_UPLOAD_BYTES, sizeText)),
      }),
    )
    .check(z.minLength(1, message('upload-none', { ko: '올릴 파일을 하나 이상 골라 주세요', en: 'Choose at least one file to upload' })), z.maxLength(20)),
});

/** POST …/supplement: the uploads by their ids, the corrected answers by field name, and a note. */
export const supplementAnswerBody = z
  .strictObject({
    documents: z._default(z.array(z.strictObject({ documentId: z.string().check(z.maxLength(64)), uploadId: z.uuid() })).check(z.maxLength(20)), []),
    fields: z._default(z.record(z.string().check(z.maxLength(100)), z.unknown()), {}),
    note: z.optional(decisionNote),
  })
  .check(
    z.refine((b) => b.documents.length + Object.keys(b.fields).length > 0 || b.note, {
      path: ['documents'],
      message: message('supplement-empty', { ko: '서류를 올리거나 항목을 고치거나 메모를 남겨 주세요', en: 'Upload a document, correct an answer or leave a note' }),
    }),
  );

