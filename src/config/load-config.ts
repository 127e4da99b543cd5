import { join } from 'node:path';
import { z } from 'zod';
import { AppConfig, DatabaseConfig } from './app-config';
import { ConfigError } from './config.error';
import { envSchema, PAIRED_VARIABLES } from './env.schema';

/** Validates the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv): AppConfig {
  const env = withoutEmpty(rawEnv);
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw configErrorOf(parsed.error, env);
  const unpaired = PAIRED_VARIABLES.flatMap((pair) => {
    const set = pair.filter((v) => env[v] !== undefined);
    return set.length === 1
      ? [
          {
            variable: pair.find((v) => env[v] === undefined)!,
            message: `is required with ${set[0]}`,
          },
        ]
      : [];
  });
  if (unpaired.length > 0) throw new ConfigError(unpaired);
  const e = parsed.data;
  return {
    node: {
      id: e.NODE_ID,
      country: e.NODE_COUNTRY,
      hdabName: e.HDAB_NAME ?? `Health Data Access Body ${e.NODE_COUNTRY}`,
      contactEmail: e.HDAB_CONTACT_EMAIL ?? `hdab@${e.NODE_ID}.invalid`,
    },
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT },
    grpc: { host: e.GRPC_HOST, port: e.GRPC_PORT, peerDeadlineMs: e.PEER_DEADLINE_MS },
    database: { url: e.DATABASE_URL, dataDir: e.DATA_DIR ?? join('.data', e.NODE_ID) },
    federation: {
      registryFile: e.REGISTRY_FILE,
      tlsCertFile: e.TLS_CERT_FILE,
      tlsKeyFile: e.TLS_KEY_FILE,
      signingKeyFile: e.SIGNING_KEY_FILE,
    },
    identity: {
      audience: e.TOKEN_AUDIENCE,
      devIssuer:
        e.DEV_ISSUER && e.DEV_ISSUER_JWKS_FILE
          ? { issuer: e.DEV_ISSUER, jwksFile: e.DEV_ISSUER_JWKS_FILE }
          : undefined,
      oidc:
        e.OIDC_ISSUER && e.OIDC_JWKS_URL
          ? { issuer: e.OIDC_ISSUER, jwksUrl: e.OIDC_JWKS_URL }
          : undefined,
      rolesClaim: e.OIDC_ROLES_CLAIM,
    },
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
    use: {
      sweepIntervalMs: e.SWEEP_INTERVAL_MS,
      jobDeadlineMs: e.JOB_DEADLINE_MS,
      outputRules: {
        minCount: e.OUTPUT_MIN_COUNT,
        zerosReview: e.OUTPUT_ZEROS_REVIEW === 'true',
        dominanceK: e.OUTPUT_DOMINANCE_K,
        pRatio: e.OUTPUT_P_RATIO,
        minResidualDf: e.OUTPUT_MIN_RESIDUAL_DF,
        survivalMinEvents: e.OUTPUT_SURVIVAL_MIN_EVENTS,
        maxLevels: e.OUTPUT_MAX_LEVELS,
      },
      airlock: {
        autoRelease: e.AIRLOCK_AUTO_RELEASE === 'true',
        releaseReviewers: e.AIRLOCK_RELEASE_REVIEWERS,
        blockFails: e.AIRLOCK_BLOCK_FAILS === 'true',
        suppressTables: e.AIRLOCK_SUPPRESS_TABLES === 'true',
      },
    },
    lifecycle: { schedule: e.LIFECYCLE_SCHEDULE, destroyAfterMonths: e.DESTROY_AFTER_MONTHS },
    audit: {
      headIntervalMs: e.AUDIT_HEAD_INTERVAL_MS,
      gossipIntervalMs: e.AUDIT_GOSSIP_INTERVAL_MS,
      retentionYears: e.AUDIT_RETENTION_YEARS,
    },
  };
}

/** Only what the database commands need (NODE_ID, DATABASE_URL, DATA_DIR). */
export function loadDatabaseConfig(rawEnv: NodeJS.ProcessEnv): DatabaseConfig {
  const env = withoutEmpty(rawEnv);
  const parsed = envSchema
    .pick({ NODE_ID: true, DATABASE_URL: true, DATA_DIR: true })
    .safeParse(env);
  if (!parsed.success) throw configErrorOf(parsed.error, env);
  const e = parsed.data;
  return { url: e.DATABASE_URL, dataDir: e.DATA_DIR ?? join('.data', e.NODE_ID) };
}

/** An empty variable counts as unset, as in most deployment tools. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

function configErrorOf(error: z.ZodError, env: Record<string, string>): ConfigError {
  return new ConfigError(
    error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? '(environment)');
      return { variable, message: env[variable] === undefined ? 'is required' : issue.message };
    }),
  );
}
