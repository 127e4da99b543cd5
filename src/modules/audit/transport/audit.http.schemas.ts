import { z } from 'zod';
import { NODE_ID_PATTERN } from '../../../config/env.schema';
import { AUDIT_OUTCOMES } from '../domain/audit-entry';

const seq = z.string().regex(/^[1-9]\d{0,18}$/, 'must be an entry seq');
const treeIndex = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** The auditor's selection of entries: every criterion given must hold. */
export const entriesQuerySchema = z.strictObject({
  permit: z.uuid().optional(),
  person: z
    .string()
    .regex(/^[^#\s]{1,500}#[^\s]{1,200}$/, 'must be issuer#subject')
    .optional(),
  peer: z.string().regex(NODE_ID_PATTERN, 'must be a node id').optional(),
  action: z.string().min(1).max(300).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: instant.optional(),
  to: instant.optional(),
  after: seq.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  format: z.enum(['json', 'jsonl']).default('json'),
});

export const leavesQuerySchema = z.strictObject({ start: treeIndex, end: treeIndex });

export const inclusionQuerySchema = z.union([
  z.strictObject({ index: treeIndex, treeSize: treeIndex.optional() }),
  z.strictObject({ seq, treeSize: treeIndex.optional() }),
]);

export const consistencyQuerySchema = z.strictObject({ first: treeIndex, second: treeIndex });

export const nodeIdSchema = z.string().regex(NODE_ID_PATTERN, 'must be a node id');
