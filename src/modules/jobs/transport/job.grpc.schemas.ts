import { z } from 'zod';
import { jsonText } from '../../../shared/validation';
import { generalJwsSchema } from '../../permits/domain/permit-payload.schema';

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
