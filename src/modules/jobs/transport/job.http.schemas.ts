import { z } from 'zod';

export const submitJobSchema = z.strictObject({
  permitId: z.uuid(),
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be an analysis kind name'),
  params: z.looseObject({
    dataset: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a dataset id'),
  }),
});
