import { z } from 'zod';
import { generalJwsSchema } from '../../permits/domain/permit-payload.schema';
import { jsonText } from '../../../shared/validation';
import { MAX_PERMIT_MONTHS } from '../domain/extension';

const compactJws = z
  .string()
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  .max(100_000);

export const closePermitRequestSchema = z.object({
  permitId: z.uuid(),
  reason: z.string().min(1).max(5000),
});

export const deliverDestructionRecordRequestSchema = z.object({
  permitId: z.uuid(),
  recordJws: compactJws,
});

/** The REST body of a closure. */
export const closeSchema = z.strictObject({
  reason: z.string().trim().min(3, 'must give a reason').max(5000),
});

const b64url = z.string().regex(/^[A-Za-z0-9_-]{1,2000}$/);

export const proposeExtensionRequestSchema = z.object({
  permitId: z.uuid(),
  extensionId: z.uuid(),
  validUntil: z.iso.datetime(),
  reason: z.string().min(1).max(5000),
  requestedAt: z.iso.datetime(),
});

export const decideExtensionRequestSchema = z
  .object({
    permitId: z.uuid(),
    extensionId: z.uuid(),
    outcome: z.enum(['EXTENSION_OUTCOME_APPROVED', 'EXTENSION_OUTCOME_REJECTED']),
    reason: z.string().min(1).max(5000),
    signatureProtected: z.union([b64url, z.literal('')]),
    signature: z.union([b64url, z.literal('')]),
  })
  .refine((r) => (r.outcome === 'EXTENSION_OUTCOME_APPROVED') === (r.signature !== ''), {
    message: 'an approval, and only an approval, carries a signature',
  });

export const concludeExtensionRequestSchema = z.discriminatedUnion('outcome', [
  z.object({
    permitId: z.uuid(),
    extensionId: z.uuid(),
    outcome: z.literal('EXTENSION_OUTCOME_GRANTED'),
    permitJwsJson: jsonText(generalJwsSchema),
  }),
  z.object({
    permitId: z.uuid(),
    extensionId: z.uuid(),
    outcome: z.literal('EXTENSION_OUTCOME_REJECTED'),
  }),
]);

/** The REST body of an extension request (the applicant, at the lead). */
export const extensionRequestSchema = z.strictObject({
  months: z.number().int().min(1).max(MAX_PERMIT_MONTHS),
  reason: z.string().trim().min(20, 'must say in at least 20 characters why').max(5000),
});

/** The REST body of an HDAB's decision on an extension. */
export const extensionDecisionSchema = z.strictObject({
  outcome: z.enum(['APPROVED', 'REJECTED']),
  reason: z.string().trim().min(3, 'must give a reason').max(5000),
});
