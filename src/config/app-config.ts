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

export abstract class LogConfig {
  declare readonly level: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  declare readonly format: 'json' | 'text';
}

export interface AppConfig {
  readonly node: NodeConfig;
  readonly http: HttpConfig;
  readonly grpc: GrpcConfig;
  readonly database: DatabaseConfig;
  readonly federation: FederationConfig;
  readonly log: LogConfig;
}
