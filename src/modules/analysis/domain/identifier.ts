import { z } from 'zod';

/** A dataset or variable name, which is also a plain SQL identifier. */
export const identifierSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** At most `max` variable names, none repeated. */
export function distinctIdentifiersSchema(max: number) {
  return z
    .array(identifierSchema)
    .max(max)
    .refine((names) => new Set(names).size === names.length, 'must not repeat a variable');
}

/** The names in first-seen order, each once. */
export function distinctNames(names: readonly string[]): string[] {
  return [...new Set(names)];
}
