import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CountryCode } from '../config/countries';
import { DevFederation, publicPart } from '../modules/federation/infrastructure/dev-federation';
import { DevIssuer } from '../modules/identity/infrastructure/dev-issuer';
import { RegistryFile } from '../modules/federation/infrastructure/registry-file.schema';

/**
 * The development federation on disk:
 *   registry.json                 shared by every node
 *   <id>/node.crt, node.key       the node's TLS certificate and key
 *   <id>/signing.jwk.json         the node's private Ed25519 signing key
 *   <id>/ca.crt, ca.key           the HDAB's CA (or ca/ when one CA is shared)
 *   <id>/node.env                 the environment that starts the node
 */
export const REGISTRY_FILE_NAME = 'registry.json';
const DEV_ISSUER_DIR = 'dev-issuer';

export interface LocalNode {
  readonly id: string;
  readonly country: CountryCode;
  readonly env: Record<string, string>;
}

export function writeFederationFolder(
  dir: string,
  federation: DevFederation,
  ports: ReadonlyMap<string, { http: number; grpc: number }>,
  dataRoot: string,
): void {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const secret = { mode: 0o600 };
  const shared = federation.cas.length === 1 && federation.nodes.length > 1;
  const issuerDir = join(root, DEV_ISSUER_DIR);
  mkdirSync(issuerDir, { recursive: true, mode: 0o700 });
  writeFileSync(
    join(issuerDir, 'issuer.jwk.json'),
    JSON.stringify(
      { issuer: federation.devIssuer.issuer, ...federation.devIssuer.signingJwk },
      null,
      2,
    ) + '\n',
    secret,
  );
  writeFileSync(
    join(issuerDir, 'jwks.json'),
    JSON.stringify({ keys: [publicPart(federation.devIssuer.signingJwk)] }, null, 2) + '\n',
  );
  if (shared) {
    mkdirSync(join(root, 'ca'), { recursive: true, mode: 0o700 });
    writeFileSync(join(root, 'ca', 'ca.crt'), federation.cas[0]!.certPem);
    writeFileSync(join(root, 'ca', 'ca.key'), federation.cas[0]!.keyPem, secret);
  }
  for (const node of federation.nodes) {
    const folder = join(root, node.spec.id);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(join(folder, 'node.crt'), node.certPem);
    writeFileSync(join(folder, 'node.key'), node.keyPem, secret);
    writeFileSync(
      join(folder, 'signing.jwk.json'),
      JSON.stringify(node.signingJwk, null, 2) + '\n',
      secret,
    );
    if (!shared) {
      writeFileSync(join(folder, 'ca.crt'), node.ca.certPem);
      writeFileSync(join(folder, 'ca.key'), node.ca.keyPem, secret);
    }
    const port = ports.get(node.spec.id)!;
    const env: Record<string, string> = {
      NODE_ID: node.spec.id,
      NODE_COUNTRY: node.spec.country,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port.http),
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port.grpc),
      DATA_DIR: resolve(dataRoot, node.spec.id),
      REGISTRY_FILE: join(root, REGISTRY_FILE_NAME),
      TLS_CERT_FILE: join(folder, 'node.crt'),
      TLS_KEY_FILE: join(folder, 'node.key'),
      SIGNING_KEY_FILE: join(folder, 'signing.jwk.json'),
      DEV_ISSUER: federation.devIssuer.issuer,
      DEV_ISSUER_JWKS_FILE: join(issuerDir, 'jwks.json'),
    };
    writeFileSync(
      join(folder, 'node.env'),
      Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n') + '\n',
    );
  }
  writeFileSync(
    join(root, REGISTRY_FILE_NAME),
    JSON.stringify(federation.registry, null, 2) + '\n',
  );
}

/** The development issuer of the federation in `dir`, to mint tokens with. */
export function readDevIssuer(dir: string): DevIssuer {
  const file = join(resolve(dir), DEV_ISSUER_DIR, 'issuer.jwk.json');
  const { issuer, ...privateJwk } = JSON.parse(
    readFileSync(file, 'utf8'),
  ) as DevIssuer['privateJwk'] & {
    issuer: string;
  };
  return { issuer, privateJwk };
}

export function federationExists(dir: string): boolean {
  return existsSync(join(resolve(dir), REGISTRY_FILE_NAME));
}

/** The nodes of the registry whose material is in this folder, with their environment. */
export function readLocalNodes(dir: string): LocalNode[] {
  const root = resolve(dir);
  const registry = JSON.parse(readFileSync(join(root, REGISTRY_FILE_NAME), 'utf8')) as RegistryFile;
  return registry.nodes
    .filter((n) => existsSync(join(root, n.id, 'node.env')))
    .map((n) => ({
      id: n.id,
      country: n.country,
      env: parseEnvFile(join(root, n.id, 'node.env')),
    }));
}

export function parseEnvFile(path: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) env[match[1]!] = match[2]!;
  }
  return env;
}
