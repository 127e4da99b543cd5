import { z } from 'zod';

export const reviewSchema = z.strictObject({
  reason: z.string().trim().min(3).max(2000),
});

export const airlockStateSchema = z.enum(['AWAITING_REVIEW', 'RELEASED', 'REJECTED']).optional();
