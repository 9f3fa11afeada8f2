import { z } from 'zod';

/** The ids every lifecycle step receives (see workflows/lifecycle.ts). */
export const stepInput = z.object({
  applicationId: z.string().regex(/^A[0-9A-Z]{25}$/),
  period: z.number().int().positive(),
});

export const systemActor = (step: string) => ({ kind: 'system', step }) as const;
