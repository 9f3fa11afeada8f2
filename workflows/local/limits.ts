/**
 * Two hard quotas of Standard workflows the local service enforces as AWS does, so that a workflow
 * that would break one on AWS breaks it here too, in a test (the third, one year at most, lives in
 * executions.ts). AWS Step Functions Developer Guide, "Step Functions service quotas":
 *
 * - "Maximum input or output size for a task, state, or execution: 256 KiB of data as a UTF-8
 *   encoded string" (the API reference gives every input and output field a "Maximum length of
 *   262144", "expressed as bytes in UTF-8 encoding"). What crosses it, and how AWS answers, is
 *   described where it is checked: api.ts (StartExecution, SendTaskSuccess), task-handlers.ts (a
 *   task's result, its input after Parameters), journal.ts (a state's output).
 * - "Maximum execution history size: 25,000 events in a single state machine execution history"
 *   (a hard quota; "Avoid reaching the history quota" in the guide's best practices). The execution
 *   then ends FAILED, error `States.Runtime`, cause "The execution reached the maximum number of
 *   history events (25000).", and that ExecutionFailed is the 25,000th event (journal.ts).
 */

/** 256 KiB, measured as the UTF-8 bytes of the JSON text. */
export const STANDARD_MAX_PAYLOAD_BYTES = 262_144;

/** Events in one execution's history, its final ExecutionFailed/Succeeded/… included. */
export const STANDARD_MAX_HISTORY_EVENTS = 25_000;

/** True when the JSON text is longer than `STANDARD_MAX_PAYLOAD_BYTES` in UTF-8. */
export function exceedsPayloadLimit(json: string): boolean {
  // A UTF-16 code unit is 1 to 3 bytes in UTF-8 (a surrogate pair, two units, is 4): most texts are
  // decided without encoding them.
  if (json.length > STANDARD_MAX_PAYLOAD_BYTES) return true;
  if (json.length * 3 <= STANDARD_MAX_PAYLOAD_BYTES) return false;
  return Buffer.byteLength(json, 'utf8') > STANDARD_MAX_PAYLOAD_BYTES;
}

/** `exceedsPayloadLimit` of a value, as it would travel: its JSON text. */
export function valueExceedsPayloadLimit(value: unknown): boolean {
  return exceedsPayloadLimit(JSON.stringify(value ?? null));
}

/**
 * AWS's cause for a result over the limit, word for word (LocalStack's recordings against AWS; the
 * same text in users' reports): `subject` is the state's name for a state's output, `lambda` for an
 * `arn:aws:states:::lambda:invoke` result and the function's ARN for a Lambda-ARN resource.
 */
export function resultTooLargeCause(subject: string): string {
  return `The state/task '${subject}' returned a result with a size exceeding the maximum number of bytes service limit.`;
}

/** AWS's cause when the history is full (users' reports, the same text every time). */
export function historyFullCause(maxEvents: number): string {
  return `The execution reached the maximum number of history events (${maxEvents}).`;
}
