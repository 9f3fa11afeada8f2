/** What the case manager sends to record a referral and, later, its acknowledgement. */
import * as z from 'zod/mini';
import { hiddenCharactersBut } from '../../forms/hidden-characters';
import { message } from '../../forms/messages';
import { decisionNote } from '../review/decision-note';
import { referralDestinations } from './referral-labels';

const UNSAFE = hiddenCharactersBut('');

/** A name a person typed on one line: an organisation, a person at the receiver. */
const oneLine = (required: string, tooLong: string) =>
  z
    .string({ error: required })
    .check(
      z.trim(),
      z.minLength(1, required),
      z.maxLength(200, tooLong),
      z.refine((text) => !UNSAFE.test(text), message('one-line-control-characters', { ko: '제어 문자를 넣을 수 없습니다', en: 'Control characters are not allowed' })),
    );

/** `POST /api/staff/tasks/{taskId}/referral`: where the person was referred. */
export const referralSentBody = z.strictObject({
  to: z.enum(referralDestinations, {
    error: message('referral-destination', { ko: '의뢰한 곳의 종류를 골라 주세요', en: 'Choose where the person was referred' }),
  }),
  organisation: oneLine(
    message('referral-organisation', { ko: '의뢰한 기관의 이름을 적어 주세요', en: 'Give the name of the organisation' }),
    message('referral-organisation-long', { ko: '기관 이름은 200자 이내로 적어 주세요', en: 'Keep the organisation name within 200 characters' }),
  ),
  note: z.optional(decisionNote),
});

/** `POST /api/staff/tasks/{taskId}/referral/acknowledgement`: who at the receiver took it up, and when. */
export const referralAcknowledgedBody = z.strictObject({
  acknowledgedBy: oneLine(
    message('referral-acknowledged-by', { ko: '접수를 확인해 준 사람(이름·직위)을 적어 주세요', en: 'Give who at the receiver acknowledged it (name, role)' }),
    message('referral-acknowledged-by-long', { ko: '확인한 사람은 200자 이내로 적어 주세요', en: 'Keep who acknowledged it within 200 characters' }),
  ),
  acknowledgedOn: z
    .string({ error: message('referral-acknowledged-on', { ko: '확인한 날짜를 YYYY-MM-DD로 적어 주세요', en: 'Give the day it was acknowledged as YYYY-MM-DD' }) })
    .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, message('referral-acknowledged-on', { ko: '확인한 날짜를 YYYY-MM-DD로 적어 주세요', en: 'Give the day it was acknowledged as YYYY-MM-DD' }))),
  note: z.optional(decisionNote),
});
