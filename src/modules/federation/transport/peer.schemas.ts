import { z } from 'zod';
import { NODE_ID_PATTERN } from '../../../config/env.schema';
import { publicJwkSchema } from '../infrastructure/registry-file.schema';

/** Decoded PeerService messages, checked at the edge in both directions. */
export const getNodeInfoRequestSchema = z.object({});
export const checkHealthRequestSchema = z.object({});

export const getNodeInfoResponseSchema = z.object({
  nodeId: z.string().regex(NODE_ID_PATTERN),
  country: z.string().regex(/^[A-Z]{2}$/),
  version: z.string().min(1).max(64),
  signingKeys: z.array(publicJwkSchema).max(16),
});
