import { z } from 'zod';

export const submitJobSchema = z.strictObject({
  permitId: z.uuid(),
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be an analysis kind name'),
  params: z.looseObject({
    dataset: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a dataset id'),
  }),
});

/** The longest a GET /v1/jobs/{id}?wait=… holds its answer. */
export const MAX_WAIT_MS = 30_000;

/** `?wait=5s` or `?wait=500ms`: how long to hold the answer while the job runs (a long poll). */
export const waitSchema = z
  .string()
  .regex(/^\d{1,6}(ms|s)$/, 'must be a duration such as 5s or 500ms')
  .transform((text) =>
    text.endsWith('ms') ? Number(text.slice(0, -2)) : 1000 * Number(text.slice(0, -1)),
  )
  .refine((ms) => ms <= MAX_WAIT_MS, `must be at most ${MAX_WAIT_MS / 1000}s`)
  .optional();
