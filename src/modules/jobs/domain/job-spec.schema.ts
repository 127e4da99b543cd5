import { z } from 'zod';
import { outputRulesSchema } from '../../analysis/domain/checks/output-rules.schema';
import { permitParts } from '../../permits/domain/permit-payload.schema';
import type { JobSpec } from './job';

/** A job specification as it travels; the kind's own schema checks the parameters. */
export const jobSpecSchema = z.strictObject({
  jobId: z.uuid(),
  permitId: z.uuid(),
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  params: z.looseObject({ dataset: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/) }),
  submittedBy: permitParts.namedUser,
  submittedAt: z.iso.datetime(),
  rules: outputRulesSchema.optional(),
}) satisfies z.ZodType<JobSpec>;
