import * as z from 'zod/mini';

/** The parts of zod's schema definitions that hold other schemas (zod 4 internals). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  in?: z.ZodMiniType;
  options?: z.ZodMiniType[];
}

/**
 * The same schema, with every object in it refusing fields it does not name (zod's
 * `unrecognized_keys`) instead of dropping them: same checks, transforms and messages. For requests
 * that must not carry more than they ask, such as the pre-check, while other readers of the schema
 * (the eligibility engine reading stored answers) keep dropping what they do not need.
 */
export function refusingUnknownFields<T extends z.ZodMiniType>(schema: T): T {
  const def = schema._zod.def as unknown as Def;
  const clone = (changes: Partial<Def>) => schema.clone({ ...schema._zod.def, ...changes } as T['_zod']['def']);
  switch (def.type) {
    case 'object':
      return clone({
        shape: Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, value]) => [key, refusingUnknownFields(value)])),
        catchall: z.never(),
      } as Partial<Def>);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return clone({ innerType: refusingUnknownFields(def.innerType!) });
    case 'array':
      return clone({ element: refusingUnknownFields(def.element!) });
    case 'pipe':
      return clone({ in: refusingUnknownFields(def.in!) });
    case 'union':
      return clone({ options: def.options!.map(refusingUnknownFields) });
    default:
      return schema;
  }
}
