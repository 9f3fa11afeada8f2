import type { MiddlewareObj } from '@middy/core';
import type { FaultInjector } from './faults';

/**
 * The fault injector of drills (faults.ts), loaded only when `DOLBOM_FAULTS` is set: a handler's cold
 * start without the variable — every one in AWS — never reads the injector. The name is spelled out
 * rather than imported (faults.ts `FAULTS_VARIABLE`): importing anything of faults.ts would load it.
 *
 * The await keeps faults.ts's promise: in the prod stage, loading it throws, so a handler given the
 * variable there fails its module loading — its cold start — loudly, as before.
 */
export const faults: FaultInjector | undefined = process.env.DOLBOM_FAULTS?.trim() ? (await import('./faults')).faults : undefined;

/** The middy middleware of HTTP routes: faults of the invocation, when configured (a no-op otherwise). */
export function faultInjection<E, R>(injector: FaultInjector | undefined = faults): MiddlewareObj<E, R> {
  if (!injector) return { before: () => undefined };
  return {
    before: () => injector.beforeInvocation(),
    after: () => injector.afterInvocation(),
  };
}
