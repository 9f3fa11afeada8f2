import { isTransientDynamoError } from './dynamo-errors';

/**
 * The one error name under which workflow steps surface a transient fault of the services they call;
 * every Lambda task of the lifecycle retries it with backoff and full jitter (workflows/lifecycle.ts).
 */
export const RETRYABLE_ERROR = 'Dolbom.Retryable';

/** A transient fault, renamed for the workflow's Retry; the message keeps the original error's name. */
export class RetryableError extends Error {
  override name = RETRYABLE_ERROR;
  constructor(fault: Error) {
    super(`${fault.name}: ${fault.message}`, { cause: fault });
  }
}

/** Throttling, as Step Functions, KMS and the SDK name it (DynamoDB's own are in dynamo-errors.ts). */
const THROTTLES = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestThrottledException']);
/** The SDK's names and Node's codes for a request that timed out or lost its connection. */
const NETWORK = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

type SdkError = Error & { code?: string; $fault?: 'client' | 'server'; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };

/**
 * Whether a failed AWS call may succeed if the step runs again a moment later: DynamoDB contention
 * and throttling, throttles and server faults (5xx) of any service, timeouts and dropped connections.
 * What the data or the request said (a failed condition, a validation error) is never transient.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TransactionCanceledException') return isTransientDynamoError(error);
  const { code, $fault, $retryable, $metadata } = error as SdkError;
  return (
    isTransientDynamoError(error) ||
    THROTTLES.has(error.name) ||
    NETWORK.has(error.name) ||
    (code !== undefined && NETWORK.has(code)) ||
    $fault === 'server' ||
    ($metadata?.httpStatusCode ?? 0) >= 500 ||
    Boolean($retryable)
  );
}

export interface InPlaceRetries {
  /** Calls in all, the first included. */
  tries?: number;
  /** The pause before the second call; it doubles after each. */
  firstDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Calls `call`, and calls it again after a short pause while it fails with a transient fault — for work
 * whose caller's own retry is costly (a stream batch sent back waits seconds, and a whole batch's tail
 * with it). What the data said (a failed condition) is never tried again here.
 */
export async function retryTransient<T>(call: () => Promise<T>, { tries = 4, firstDelayMs = 100, sleep = pause }: InPlaceRetries = {}): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await call();
    } catch (error) {
      if (tried >= tries || !isTransient(error)) throw error;
      await sleep(firstDelayMs * 2 ** (tried - 1));
    }
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
