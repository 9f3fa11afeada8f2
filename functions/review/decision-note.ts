import * as z from 'zod/mini';
import { hiddenCharactersBut } from '../../forms/hidden-characters';
import { message } from '../../forms/messages';

// A note is several lines and may be indented; nothing else hidden (the rule of every typed answer).
const UNSAFE_IN_NOTE = hiddenCharactersBut(String.raw`\n\t`);

/**
 * The note a staff member writes with a decision, a closure, an offer's answer or a session: trimmed,
 * at most 2000 characters, nothing hidden; blank is no note at all. A module of its own, so the steps
 * that only read tasks (task.ts) bundle no schema.
 */
export const decisionNote = z.pipe(
  z.string().check(
    z.trim(),
    z.maxLength(2000, message('note-too-long', { ko: '메모는 2000자 이내로 적어 주세요', en: 'Keep the note within 2000 characters' })),
    z.refine(
      (note) => !UNSAFE_IN_NOTE.test(note),
      message('note-control-characters', {
        ko: '메모에 제어 문자나 글자 방향 제어 문자를 넣을 수 없습니다',
        en: 'The note cannot contain control or text-direction characters',
      }),
    ),
  ),
  z.transform((note) => note || undefined),
);
