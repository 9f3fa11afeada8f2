/**
 * Retry backoff in virtual time. The library would sleep between attempts in real time; the service
 * sets its pause to 0 for every Task and waits here instead, so a retried step moves with the clock.
 */
export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'NONE' | 'FULL';
}

/**
 * The pause before retry number `attempt` (1 for the first retry), with the ASL defaults
 * (IntervalSeconds 1, BackoffRate 2.0), capped by MaxDelaySeconds, fully jittered if asked.
 */
export function retryDelayMs(retrier: Retrier, attempt: number, random: () => number = Math.random): number {
  const intervalSeconds = retrier.IntervalSeconds ?? 1;
  const backoffRate = retrier.BackoffRate ?? 2;
  let delaySeconds = intervalSeconds * backoffRate ** Math.max(attempt - 1, 0);
  if (retrier.MaxDelaySeconds !== undefined) delaySeconds = Math.min(delaySeconds, retrier.MaxDelaySeconds);
  const delayMs = delaySeconds * 1000;
  return retrier.JitterStrategy === 'FULL' ? Math.floor(random() * delayMs) : delayMs;
}
