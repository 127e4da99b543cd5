import { z } from 'zod';
import { DomainError } from './errors';

/** Parses input at an edge; a failure is REQUEST.INVALID listing every problem by path. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DomainError('REQUEST.INVALID', `Invalid ${what}`, {
    issues: result.error.issues.map((i) => ({
      path: i.path.join('.'),
      message: /received undefined$/.test(i.message) ? 'is missing' : i.message,
    })),
  });
}

/** A string field holding JSON, parsed and then checked by `schema`. */
export function jsonText<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}
