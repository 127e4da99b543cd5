import { validate as isCronExpression } from 'node-cron';
import { z } from 'zod';
import { EEA_COUNTRIES } from './countries';

export const NODE_ID_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;

const port = z.coerce.number().int().min(0).max(65535);
const host = z.string().min(1);
const file = z.string().min(1, 'must name a file');

/** The one environment schema of a node. Every variable is documented in the README. */
export const envSchema = z.object({
  NODE_ID: z.string().regex(NODE_ID_PATTERN, 'must be 2-32 lower-case letters, digits or dashes'),
  NODE_COUNTRY: z.enum(EEA_COUNTRIES, {
    error: 'must be the ISO 3166-1 alpha-2 code of an EU/EEA country, e.g. DE',
  }),
  HDAB_NAME: z.string().min(1).max(200).optional(),
  HDAB_CONTACT_EMAIL: z.email('must be an e-mail address').optional(),
  HTTP_HOST: host.default('127.0.0.1'),
  HTTP_PORT: port.default(3000),
  GRPC_HOST: host.default('127.0.0.1'),
  GRPC_PORT: port.default(50051),
  PEER_DEADLINE_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).optional(),
  REGISTRY_FILE: file,
  TLS_CERT_FILE: file,
  TLS_KEY_FILE: file,
  SIGNING_KEY_FILE: file,
  TOKEN_AUDIENCE: z.string().min(1).default('ehds-spe'),
  DEV_ISSUER: z.url().optional(),
  DEV_ISSUER_JWKS_FILE: z.string().min(1).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_ROLES_CLAIM: z
    .string()
    .regex(/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/, 'must be a claim name or a dotted path')
    .default('roles'),
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  JOB_DEADLINE_MS: z.coerce.number().int().min(100).max(3_600_000).default(300_000),
  OUTPUT_MIN_COUNT: z.coerce.number().int().min(3).max(1000).default(10),
  OUTPUT_ZEROS_REVIEW: z.enum(['true', 'false']).default('true'),
  OUTPUT_DOMINANCE_K: z.coerce.number().gt(0).max(1).default(0.9),
  OUTPUT_P_RATIO: z.coerce.number().min(0).max(1).default(0.1),
  OUTPUT_MIN_RESIDUAL_DF: z.coerce.number().int().min(1).max(1000).default(10),
  OUTPUT_SURVIVAL_MIN_EVENTS: z.coerce.number().int().min(1).max(1000).default(10),
  OUTPUT_MAX_LEVELS: z.coerce.number().int().min(2).max(1000).default(40),
  AIRLOCK_AUTO_RELEASE: z.enum(['true', 'false']).default('true'),
  AIRLOCK_RELEASE_REVIEWERS: z.coerce.number().int().min(1).max(3).default(1),
  AIRLOCK_BLOCK_FAILS: z.enum(['true', 'false']).default('false'),
  AIRLOCK_SUPPRESS_TABLES: z.enum(['true', 'false']).default('false'),
  LIFECYCLE_SCHEDULE: z
    .string()
    .refine((e) => isCronExpression(e), {
      error: 'must be a cron expression (5 fields, or 6 with seconds first), e.g. "* * * * *"',
    })
    .default('* * * * *'),
  DESTROY_AFTER_MONTHS: z.coerce.number().int().min(0).max(6).default(6),
  AUDIT_HEAD_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(300_000),
  AUDIT_GOSSIP_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(300_000),
  AUDIT_RETENTION_YEARS: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1: access logs are kept at least a year (EHDS Art 73(1)(e))')
    .max(100)
    .default(5),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  LOG_FORMAT: z.enum(['json', 'text']).default('json'),
});

/** Variables that only make sense together. */
export const PAIRED_VARIABLES = [
  ['DEV_ISSUER', 'DEV_ISSUER_JWKS_FILE'],
  ['OIDC_ISSUER', 'OIDC_JWKS_URL'],
] as const;
