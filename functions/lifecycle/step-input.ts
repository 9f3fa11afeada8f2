import * as z from 'zod';
import { isApplicationId } from '../applications/identifiers';

/** The ids every lifecycle step receives (see workflows/lifecycle.ts). */
export const stepInput = z.object({
  applicationId: z.string().refine(isApplicationId),
  period: z.number().int().positive(),
});

export const systemActor = (step: string) => ({ kind: 'system', step }) as const;
