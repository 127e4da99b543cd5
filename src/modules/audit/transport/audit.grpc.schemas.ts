import { z } from 'zod';

/** uint64 arrives as a decimal string (longs: String). */
const treeSize = z
  .string()
  .regex(/^\d{1,16}$/, 'must be a tree size')
  .transform(Number)
  .refine(Number.isSafeInteger, 'must be a tree size');

export const getSignedTreeHeadRequestSchema = z.object({});

export const getConsistencyProofRequestSchema = z.object({
  firstTreeSize: treeSize,
  secondTreeSize: treeSize,
});
