import type { Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { faults } from './fault-injection';
import { log, withCorrelationId } from './logger';
import { RetryableError, isTransient } from './transient-errors';

/**
 * Wraps a lifecycle step: validates the payload Step Functions sends, runs the step, and logs ids
 * only. Errors propagate with their `name` as the Lambda error type, for the state's Retry and Catch;
 * a transient fault of a service (DynamoDB contention or throttling, a throttle, a 5xx, a timeout)
 * propagates as `Dolbom.Retryable`, which every lifecycle task retries with backoff. Handlers answer
 * only what they know how to (a failed condition that means "already done"); the rest comes here.
 *
 * Every payload carries the execution's `correlationId` (workflows/correlation.ts): the API request's
 * that started it, so one id finds the request, every step and every workflow it started in the logs.
 *
 * @example
 * export const handler = workflowStep('MatchProvider', stepInput, async ({ applicationId }) => ({ matched: true }));
 */
export function workflowStep<S extends z.ZodMiniType, R>(name: string, schema: S, run: (input: z.infer<S>) => Promise<R>) {
  return async (event: unknown, context?: Pick<Context, 'awsRequestId'>): Promise<R> => {
    const given = (event as { correlationId?: unknown } | null)?.correlationId;
    const correlationId = typeof given === 'string' && given ? given : (context?.awsRequestId ?? 'unknown');
    return withCorrelationId(correlationId, async () => {
      const input = schema.parse(event);
      const ids = input as { applicationId?: string; period?: number };
      try {
        // Drills only (DOLBOM_FAULTS): a delay before the step, a lost answer after it.
        await faults?.beforeInvocation();
        const result = await run(input);
        faults?.afterInvocation();
        log.info('step done', { step: name, applicationId: ids.applicationId, period: ids.period });
        return result;
      } catch (error) {
        const surfaced = isTransient(error) ? new RetryableError(error as Error) : error;
        log.warn('step failed', { step: name, applicationId: ids.applicationId, error: (surfaced as Error).name, fault: (error as Error).name });
        throw surfaced;
      }
    });
  };
}
