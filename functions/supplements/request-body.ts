import * as z from 'zod/mini';
import { hiddenCharactersBut } from '../../forms/hidden-characters';
import { message } from '../../forms/messages';
import type { ProgrammeDefinition } from '../../forms/types';
import type { FieldProblem } from '../commons/problems';
import { correctableFields } from './checklist';
import type { SupplementRequest } from './supplement';

// A message is several lines; nothing else hidden (the rule of every typed answer).
const UNSAFE_IN_MESSAGE = hiddenCharactersBut(String.raw`\n\t`);

const documentId = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, message('supplement-document-id', { ko: '서류는 사업의 서류 목록에 있는 ID로 보내 주세요', en: 'Send each document as an id from the programme’s checklist' })));
const fieldName = z.string().check(z.regex(/^[A-Za-z0-9.]{1,100}$/, message('supplement-field-name', { ko: '항목은 신청서 항목 이름으로 보내 주세요', en: 'Send each answer as a field name of the form' })));

/**
 * The supplement part of a `request-info` decision: what is missing (checklist documents, form
 * fields, at least one of them) and a message the citizen reads. Checked against the programme by
 * `requestProblems`, which needs the application's programme.
 */
const requestFields = z
  .strictObject({
    documents: z._default(
      z.array(documentId).check(z.maxLength(20, message('supplement-too-many-documents', { ko: '서류는 한 번에 20개까지 요청할 수 있습니다', en: 'Ask for at most 20 documents at once' }))),
      [],
    ),
    fields: z._default(
      z.array(fieldName).check(z.maxLength(30, message('supplement-too-many-fields', { ko: '항목은 한 번에 30개까지 요청할 수 있습니다', en: 'Ask for at most 30 answers at once' }))),
      [],
    ),
    message: z
      .string({ error: message('supplement-message-required', { ko: '신청인에게 보낼 안내 문구를 적어 주세요', en: 'Write a message to the applicant' }) })
      .check(
        z.trim(),
        z.minLength(1, message('supplement-message-empty', { ko: '신청인에게 무엇이 왜 필요한지 적어 주세요', en: 'Tell the applicant what is needed and why' })),
        z.maxLength(1000, message('supplement-message-too-long', { ko: '안내 문구는 1000자 이내로 적어 주세요', en: 'Keep the message within 1000 characters' })),
        z.refine(
          (text) => !UNSAFE_IN_MESSAGE.test(text),
          message('supplement-message-control-characters', { ko: '안내 문구에 제어 문자나 글자 방향 제어 문자를 넣을 수 없습니다', en: 'The message cannot contain control or text-direction characters' }),
        ),
      ),
  })
  .check(
    z.refine((body) => body.documents.length + body.fields.length > 0, {
      path: ['documents'],
      message: message('supplement-nothing-asked', { ko: '필요한 서류나 고칠 항목을 하나 이상 골라 주세요', en: 'Choose at least one document or answer that is missing' }),
    }),
  );
export const supplementRequestBody = z.pipe(
  requestFields,
  z.transform((body) => ({ ...body, documents: [...new Set(body.documents)], fields: [...new Set(body.fields)] }) satisfies SupplementRequest),
);

/** What in a well-formed request the programme does not have: each id and name by its place in the body. */
export function requestProblems(programme: Pick<ProgrammeDefinition, 'sections' | 'documents'>, request: SupplementRequest, at = 'supplement'): FieldProblem[] {
  const documentIds = new Set(programme.documents.map((d) => d.id));
  const fieldNames = new Set(correctableFields(programme).map((f) => f.name));
  return [
    ...request.documents.flatMap((id, i) =>
      documentIds.has(id)
        ? []
        : [{ field: `${at}.documents.${i}`, code: 'supplement-unknown-document', message: { ko: `'${id}'은(는) 이 사업의 서류 목록에 없습니다`, en: `'${id}' is not on this programme’s document checklist` } }],
    ),
    ...request.fields.flatMap((name, i) =>
      fieldNames.has(name)
        ? []
        : [{ field: `${at}.fields.${i}`, code: 'supplement-unknown-field', message: { ko: `'${name}'은(는) 보완으로 고칠 수 있는 신청서 항목이 아닙니다`, en: `'${name}' is not an answer of this form that a supplement can correct` } }],
    ),
  ];
}
