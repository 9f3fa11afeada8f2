/** Reads why a DynamoDB transaction was cancelled: one reason code per item, in request order. */
export function cancellationReasons(error: unknown): string[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return (reasons ?? []).map((r) => r.Code ?? 'None');
}

/** DynamoDB errors that mean "not now" (contention, throttling, a hiccup), never "not so". */
const TRANSIENT_ERRORS = new Set([
  'TransactionConflictException',
  'TransactionInProgressException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ReplicatedWriteConflictException',
]);

/** Cancellation reasons of the same kind: another transaction held the item, or capacity ran short. */
const TRANSIENT_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

/**
 * Whether trying the same DynamoDB call again a moment later may succeed. A cancelled transaction
 * counts only if every reason is transient (or `None`): a `ConditionalCheckFailed` means the state
 * of the data said no — often "already done" — and is the handler's to answer, retried or not.
 */
export function isTransientDynamoError(error: unknown): boolean {
  const reasons = cancellationReasons(error);
  if (reasons) return reasons.some((r) => TRANSIENT_REASONS.has(r)) && reasons.every((r) => r === 'None' || TRANSIENT_REASONS.has(r));
  return error instanceof Error && TRANSIENT_ERRORS.has(error.name);
}

/** A single conditional write (not a transaction) found its condition false. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
