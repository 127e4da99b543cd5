import { z } from 'zod';
import { ANALYSIS_KINDS } from '../domain/analysis-kinds';
import { Application } from '../domain/permit';
import { generalJwsSchema, permitParts } from '../domain/permit-payload.schema';
import { jsonText } from '../../../shared/validation';

const { nodeId, namedUser: named } = permitParts;

/** An application as the lead forwards it, checked at the receiving edge. */
export const applicationSchema = z.strictObject({
  id: z.uuid(),
  lead: nodeId,
  applicant: named.extend({
    name: z.string().min(1).max(200),
    organisation: z.string().min(1).max(300),
  }),
  publicSectorBody: z.boolean(),
  purpose: permitParts.purpose,
  title: permitParts.title,
  description: z.string().min(1).max(10_000),
  datasets: permitParts.datasets,
  users: z.array(named).min(1).max(200),
  durationMonths: z.number().int().min(1).max(120),
  pseudonymised: z.boolean(),
  pseudonymisationJustification: z.string().max(5000).optional(),
  analysisKinds: z.array(z.enum(ANALYSIS_KINDS)).min(1).max(20),
  receivedAt: z.iso.datetime(),
}) satisfies z.ZodType<Application>;

export const submitApplicationRequestSchema = z.object({
  applicationJson: jsonText(applicationSchema),
  applicationVersion: z.number().int().min(1),
  decisionDueAt: z.iso.datetime({ offset: true }),
});

export const recordDecisionRequestSchema = z.object({
  permitId: z.uuid(),
  outcome: z.enum(['DECISION_OUTCOME_APPROVED', 'DECISION_OUTCOME_REJECTED']),
  reason: z.string().max(5000),
  decidedAt: z.iso.datetime({ offset: true }),
});

export const signPermitRequestSchema = z.object({
  permitId: z.uuid(),
  payloadJson: z.string().min(2).max(200_000),
});

export const concludeApplicationRequestSchema = z.discriminatedUnion('outcome', [
  z.object({
    permitId: z.uuid(),
    outcome: z.literal('APPLICATION_OUTCOME_GRANTED'),
    permitJwsJson: jsonText(generalJwsSchema),
  }),
  z.object({
    permitId: z.uuid(),
    outcome: z.enum(['APPLICATION_OUTCOME_REJECTED', 'APPLICATION_OUTCOME_WITHDRAWN']),
    reasons: z.array(z.string().max(5000)).max(50),
  }),
]);

export const changePermitStatusRequestSchema = z.object({
  permitId: z.uuid(),
  change: z.enum(['PERMIT_CHANGE_SUSPEND', 'PERMIT_CHANGE_RESUME', 'PERMIT_CHANGE_REVOKE']),
  reason: z.string().min(1).max(5000),
});
