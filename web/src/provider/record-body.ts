/**
 * From what the record form holds to the body the API takes (`sessionRecordBody` in
 * functions/service-period/session.ts), checking before sending what the server would check, so a
 * counsellor between two clients hears at once what is missing. Pure: no DOM, unit-tested.
 */
import type { Text } from '../../../forms/i18n';
import type { SessionOutcome } from '../../../functions/service-period/session';
import { sx } from './session-text';
import type { RecordBody, ScreeningAnswers } from './types';

/** The form's controls as read: text as typed, choices as their value ('' when none). */
export interface RecordFormValues {
  outcome: string;
  on: string;
  minutes: string;
  cancelledBy: string;
  rescheduledTo: string;
  note: string;
  /** The pre-test or the closing session: the PHQ-9 and GAD-7 are asked. */
  testSession: boolean;
  /** Complete answers of a test session recorded as held; absent when not asked or left empty. */
  screening?: ScreeningAnswers;
}

/** The fields the form shows an error under, named as the server names them. */
export type RecordField = 'outcome' | 'on' | 'durationMinutes' | 'cancelledBy' | 'rescheduledTo' | 'note' | 'screening';

export interface RecordProblem {
  field: RecordField;
  message: Text;
}

const outcomes: readonly string[] = ['held', 'no-show', 'cancelled', 'rescheduled'] satisfies SessionOutcome[];
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * Only what the chosen outcome asks for is sent: minutes for held, who for cancelled, the new day for
 * rescheduled, the answers for a held test session. What is left in the hidden fields of another
 * outcome (minutes typed before switching to 불참) is never sent, so it cannot end up in the record.
 */
export function recordBodyOf(values: RecordFormValues): { body: RecordBody } | { problems: RecordProblem[] } {
  const problems: RecordProblem[] = [];
  const need = (field: RecordField, message: Text) => problems.push({ field, message });
  if (!outcomes.includes(values.outcome)) need('outcome', sx.chooseOutcome);
  if (!isDay(values.on)) need('on', sx.giveDate);
  const outcome = values.outcome as SessionOutcome;
  const minutes = Number(values.minutes.trim());
  if (outcome === 'held' && !(/^\d+$/.test(values.minutes.trim()) && minutes >= 10 && minutes <= 240)) need('durationMinutes', sx.giveMinutes);
  if (outcome === 'cancelled' && values.cancelledBy !== 'applicant' && values.cancelledBy !== 'provider') need('cancelledBy', sx.chooseWho);
  if (outcome === 'rescheduled') {
    if (!isDay(values.rescheduledTo)) need('rescheduledTo', sx.giveNewDay);
    else if (isDay(values.on) && values.rescheduledTo <= values.on) need('rescheduledTo', sx.newDayLater);
  }
  const note = values.note.trim();
  // A test held without its answers is allowed — the client may have refused — but never by
  // oversight: the note must then say why (issue 8: the post-test, "or the reason it could not be").
  if (outcome === 'held' && values.testSession && !values.screening && !note) need('screening', sx.answersOrReason);
  if (problems.length) return { problems };

  const body: RecordBody = {
    outcome,
    on: values.on,
    ...(outcome === 'held' ? { durationMinutes: minutes } : {}),
    ...(outcome === 'cancelled' ? { cancelledBy: values.cancelledBy as 'applicant' | 'provider' } : {}),
    ...(outcome === 'rescheduled' ? { rescheduledTo: values.rescheduledTo } : {}),
    ...(outcome === 'held' && values.screening ? { screening: values.screening } : {}),
    ...(note ? { note } : {}),
  };
  return { body };
}

/** A server field path (`durationMinutes`, `screening.phq9.8`) to the form's field, or undefined. */
export function formFieldOf(path: string): RecordField | undefined {
  const head = path.split('.')[0];
  const fields: readonly string[] = ['outcome', 'on', 'durationMinutes', 'cancelledBy', 'rescheduledTo', 'note', 'screening'];
  return fields.includes(head ?? '') ? (head as RecordField) : undefined;
}
