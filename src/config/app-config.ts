import type { OutputRules } from '../modules/analysis/domain/analysis-kind';
import { CountryCode } from './countries';

/** Typed configuration, one class per concern; each class is also its DI token. */
export abstract class NodeConfig {
  declare readonly id: string;
  declare readonly country: CountryCode;
  /** The HDAB running the node, as the catalogue names it. */
  declare readonly hdabName: string;
  declare readonly contactEmail: string;
}

export abstract class HttpConfig {
  declare readonly host: string;
  declare readonly port: number;
}

export abstract class GrpcConfig {
  declare readonly host: string;
  declare readonly port: number;
  /** Deadline of every outbound call to a peer. */
  declare readonly peerDeadlineMs: number;
}

export abstract class DatabaseConfig {
  /** A PostgreSQL server; when absent, the embedded PostgreSQL in `dataDir`. */
  declare readonly url?: string;
  /** PGlite data folder, or 'memory://' for a throwaway database. */
  declare readonly dataDir: string;
}

export abstract class FederationConfig {
  declare readonly registryFile: string;
  declare readonly tlsCertFile: string;
  declare readonly tlsKeyFile: string;
  declare readonly signingKeyFile: string;
}

export abstract class IdentityConfig {
  /** The `aud` every bearer token must carry. */
  declare readonly audience: string;
  /** The built-in development issuer, trusted with the public keys in jwksFile. */
  declare readonly devIssuer?: { readonly issuer: string; readonly jwksFile: string };
  /** An external OIDC issuer, trusted with the keys at jwksUrl. */
  declare readonly oidc?: { readonly issuer: string; readonly jwksUrl: string };
  /** Where the external issuer's tokens carry roles: a claim name or a dotted path (realm_access.roles). */
  declare readonly rolesClaim: string;
}

export abstract class LogConfig {
  declare readonly level: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  declare readonly format: 'json' | 'text';
}

export abstract class UseConfig {
  /** How often unfinished work (workspace builds, reports, job dispatches) is retried. */
  declare readonly sweepIntervalMs: number;
  /** How long the lead waits for one node's part of a job. */
  declare readonly jobDeadlineMs: number;
  /** This node's output checks (ACRO/SACRO defaults). */
  declare readonly outputRules: OutputRules;
  /** This node's airlock policy. */
  declare readonly airlock: AirlockPolicy;
}

export interface AirlockPolicy {
  /** Whether an output that passes every check leaves without a reviewer. */
  readonly autoRelease: boolean;
  /** How many different reviewers must release a held output (2: the two-person rule). */
  readonly releaseReviewers: number;
  /** Whether an output with a failing check is blocked outright rather than held for review. */
  readonly blockFails: boolean;
  /**
   * Whether a count table's failing cells are suppressed (with secondary
   * suppression, so no margin gives one back) and the rest released, rather
   * than holding the whole table.
   */
  readonly suppressTables: boolean;
}

export abstract class LifecycleConfig {
  /** The cron expression (node-cron) on which the lifecycle scheduler ticks. */
  declare readonly schedule: string;
  /** This node's policy: months from archival to destruction (at most six). */
  declare readonly destroyAfterMonths: number;
}

export abstract class AuditConfig {
  /** How often the node signs a new tree head when its log grew. */
  declare readonly headIntervalMs: number;
  /** How often the node fetches its peers' signed tree heads. */
  declare readonly gossipIntervalMs: number;
  /** The years nothing may remove an audit entry in (at least 1; the node itself never does). */
  declare readonly retentionYears: number;
}

export interface AppConfig {
  readonly node: NodeConfig;
  readonly http: HttpConfig;
  readonly grpc: GrpcConfig;
  readonly database: DatabaseConfig;
  readonly federation: FederationConfig;
  readonly identity: IdentityConfig;
  readonly log: LogConfig;
  readonly use: UseConfig;
  readonly lifecycle: LifecycleConfig;
  readonly audit: AuditConfig;
}
