import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { EEA_COUNTRIES, CountryCode } from '../../config/countries';
import { createDevFederation } from '../../modules/federation/infrastructure/dev-federation';
import { Command, UsageError } from '../command';
import { federationExists, writeFederationFolder } from '../federation-folder';

export const DEFAULT_FEDERATION_DIR = '.federation';
export const DEFAULT_COUNTRIES = 'DE,FR,NL';

export interface InitOptions {
  readonly dir: string;
  readonly countries: readonly CountryCode[];
  readonly sharedCa: boolean;
  readonly trustDomain: string;
  readonly httpPortBase: number;
  readonly grpcPortBase: number;
  readonly dataRoot: string;
  /** Host name of each node in the registry; {id} stands for the node id. */
  readonly hostTemplate: string;
}

export const federationInitCommand: Command = {
  name: 'federation init',
  summary: 'Create a development federation: CAs, node certificates, signing keys, registry',
  help: `Usage: spe federation init [options]

Creates a development federation in --dir: one CA per HDAB (or one shared CA
with --shared-ca), a TLS certificate per node whose SAN carries the node's
SPIFFE id (spiffe://<trust domain>/hdab/<node id>), an Ed25519 signing key
(JWK with kid) per node, node.env files, and registry.json.
Not for production: real HDABs bring their own CA and certificates (README).

Options:
  --dir DIR              folder to create (default ${DEFAULT_FEDERATION_DIR})
  --countries LIST       comma-separated ISO country codes (default ${DEFAULT_COUNTRIES});
                         each node's id is its code in lower case
  --shared-ca            one CA for the whole federation instead of one per HDAB
  --trust-domain NAME    SPIFFE trust domain (default ehds.example)
  --http-port-base N     HTTP port of the first node, then +1 (default 3001)
  --grpc-port-base N     gRPC port of the first node, then +1 (default 50051)
  --data-dir DIR         where each node keeps its embedded database (default .data)
  --host-template HOST   host of each node's addresses in the registry, {id} standing
                         for the node id, e.g. node-{id} (default 127.0.0.1)
  --force                replace an existing federation in --dir`,
  options: {
    dir: { type: 'string', default: DEFAULT_FEDERATION_DIR },
    countries: { type: 'string', default: DEFAULT_COUNTRIES },
    'shared-ca': { type: 'boolean', default: false },
    'trust-domain': { type: 'string', default: 'ehds.example' },
    'http-port-base': { type: 'string', default: '3001' },
    'grpc-port-base': { type: 'string', default: '50051' },
    'data-dir': { type: 'string', default: '.data' },
    'host-template': { type: 'string', default: '127.0.0.1' },
    force: { type: 'boolean', default: false },
  },
  async run(values) {
    const options = initOptionsOf(values);
    if (federationExists(options.dir)) {
      if (!values.force) {
        throw new UsageError(
          `${resolve(options.dir)} already holds a federation (use --force to replace it)`,
        );
      }
      rmSync(resolve(options.dir), { recursive: true, force: true });
    }
    await initFederation(options);
    process.stdout.write(
      `Created a development federation of ${options.countries.join(', ')} in ${resolve(options.dir)}` +
        ` (${options.sharedCa ? 'one shared CA' : 'one CA per HDAB'}).\n`,
    );
    return 0;
  },
};

export function initOptionsOf(
  values: Record<string, string | boolean | string[] | undefined>,
): InitOptions {
  const countries = String(values.countries ?? DEFAULT_COUNTRIES)
    .split(',')
    .map((c) => c.trim().toUpperCase());
  const unknown = countries.filter((c) => !(EEA_COUNTRIES as readonly string[]).includes(c));
  if (unknown.length > 0)
    throw new UsageError(`--countries: not EU/EEA codes: ${unknown.join(', ')}`);
  if (new Set(countries).size !== countries.length)
    throw new UsageError('--countries: repeated code');
  const port = (name: string, fallback: string) => {
    const n = Number(values[name] ?? fallback);
    if (!Number.isInteger(n) || n < 1 || n > 65535 - countries.length) {
      throw new UsageError(`--${name}: must be a port number`);
    }
    return n;
  };
  return {
    dir: String(values.dir ?? DEFAULT_FEDERATION_DIR),
    countries: countries as CountryCode[],
    sharedCa: values['shared-ca'] === true,
    trustDomain: String(values['trust-domain'] ?? 'ehds.example'),
    httpPortBase: port('http-port-base', '3001'),
    grpcPortBase: port('grpc-port-base', '50051'),
    dataRoot: String(values['data-dir'] ?? '.data'),
    hostTemplate: String(values['host-template'] ?? '127.0.0.1'),
  };
}

export async function initFederation(options: InitOptions): Promise<void> {
  const ports = new Map<string, { http: number; grpc: number }>();
  const nodes = options.countries.map((country, i) => {
    const id = country.toLowerCase();
    const host = options.hostTemplate.replaceAll('{id}', id);
    ports.set(id, { http: options.httpPortBase + i, grpc: options.grpcPortBase + i });
    return {
      id,
      country,
      grpcAddress: `${host}:${options.grpcPortBase + i}`,
      httpUrl: `http://${host}:${options.httpPortBase + i}`,
    };
  });
  const federation = await createDevFederation({
    trustDomain: options.trustDomain,
    nodes,
    sharedCa: options.sharedCa,
  });
  writeFederationFolder(options.dir, federation, ports, options.dataRoot);
}
