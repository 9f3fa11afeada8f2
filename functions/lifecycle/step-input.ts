import * as z from 'zod/mini';
import { isApplicationId } from '../applications/identifiers';

/** The ids every lifecycle step receives (see workflows/lifecycle.ts). */
export const stepInput = z.object({
  applicationId: z.string().check(z.refine(isApplicationId)),
  period: z.int().check(z.positive()),
});

/** A task token Step Functions hands a step that waits on it. */
export const taskToken = z.string().check(z.minLength(1), z.maxLength(4096));

/** A state's timeout or heartbeat, as the workflow passes it: whole seconds, more than none. */
export const stateSeconds = z.int().check(z.positive());

export const systemActor = (step: string) => ({ kind: 'system', step }) as const;
