/** The body of the status page's lookup, apart from its handler so the OpenAPI document reads it without the SDK. */
import * as z from 'zod/mini';
import { message } from '../../forms/messages';

export const lookupSchema = z.object({
  receiptNumber: z
    .string()
    .check(
      z.trim(),
      z.toUpperCase(),
      z.regex(/^DB-\d{4}-[0-9A-Z]{8}$/, message('receipt-format', { ko: '접수번호 형식은 DB-2026-XXXXXXXX 입니다', en: 'Receipt numbers look like DB-2026-XXXXXXXX' })),
    ),
  accessCode: z
    .string()
    .check(z.trim(), z.minLength(1, message('access-code-required', { ko: '접근 코드를 입력해 주세요', en: 'Enter the access code' })), z.maxLength(64)),
});
