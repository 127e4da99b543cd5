import { z } from 'zod';
import { DatasetDefinition, VARIABLE_TYPES } from '../domain/dataset';

const identifier = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'must be 1-40 lower-case letters, digits or _, starting with a letter',
  );

const variable = z
  .strictObject({
    name: identifier.refine((n) => n !== 'person_id', 'person_id is implied, not a variable'),
    type: z.enum(VARIABLE_TYPES),
    description: z.string().min(1).max(1000),
    unit: z.string().min(1).max(40).optional(),
    levels: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
  })
  .refine((v) => (v.type === 'category') === (v.levels !== undefined), {
    message: 'a category needs levels, and only a category has them',
  });

/** A dataset definition file, as an HDAB writes it (see datasets/cardiometabolic.json). */
export const datasetDefinitionSchema = z
  .strictObject({
    id: identifier,
    title: z.string().min(1).max(200),
    description: z.string().min(1).max(5000),
    keywords: z.array(z.string().min(1).max(60)).max(30).default([]),
    variables: z.array(variable).min(1).max(500),
    /** One SELECT; an array of lines is joined with newlines. */
    sql: z.union([
      z.string().min(1),
      z
        .array(z.string())
        .min(1)
        .transform((lines) => lines.join('\n')),
    ]),
  })
  .refine((d) => new Set(d.variables.map((v) => v.name)).size === d.variables.length, {
    message: 'variable names must be unique',
  })
  .transform((d): DatasetDefinition => d);
