import { z } from 'zod';
import { jsonText } from '../../../shared/validation';
import { generalJwsSchema } from '../../permits/domain/permit-payload.schema';
import { gateFindingsSchema } from './job.findings.schema';

export const runJobRequestSchema = z.object({
  jobId: z.uuid(),
  permitJwsJson: jsonText(generalJwsSchema),
  specJson: z.string().min(2).max(100_000),
  submitterAssertion: z
    .string()
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    .max(10_000),
  round: z.number().int().min(1).max(1000),
  // The kind checks the state's shape before it is used.
  stateJson: jsonText(z.unknown()),
});

export const deliverContributionRequestSchema = z.discriminatedUnion('outcome', [
  z.object({
    jobId: z.uuid(),
    round: z.number().int().min(1).max(1000),
    outcome: z.literal('RUN_OUTCOME_RELEASED'),
    contributionJson: jsonText(z.unknown()),
    persons: z.number().int().min(0),
  }),
  z.object({
    jobId: z.uuid(),
    round: z.number().int().min(1).max(1000),
    outcome: z.literal('RUN_OUTCOME_BLOCKED'),
    findings: gateFindingsSchema,
    reason: z.string().min(1).max(2000),
  }),
]);
