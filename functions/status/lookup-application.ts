import * as z from 'zod';
import { message } from '../../forms/messages';
import { httpHandler } from '../commons/http';
import { openByReceipt } from './citizen-access';

export const lookupSchema = z.object({
  receiptNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^DB-\d{4}-[0-9A-Z]{8}$/, message('receipt-format', { ko: '접수번호 형식은 DB-2026-XXXXXXXX 입니다', en: 'Receipt numbers look like DB-2026-XXXXXXXX' })),
  accessCode: z
    .string()
    .trim()
    .min(1, message('access-code-required', { ko: '접근 코드를 입력해 주세요', en: 'Enter the access code' }))
    .max(64),
});

/** POST /api/applications/lookup — the status page: receipt number and access code. */
export const handler = httpHandler(async (event) => {
  const { receiptNumber, accessCode } = lookupSchema.parse(event.jsonBody);
  return { status: 200, body: await openByReceipt(receiptNumber, accessCode, event.requestContext.http.sourceIp) };
});
