import { z } from 'zod';

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
