import { createPrivateKey, createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FederationConfig, NodeConfig } from '../../../config/app-config';
import { ConfigError } from '../../../config/config.error';
import { FederationMember, FederationRegistry, PublicJwk } from '../domain/federation-member';
import { spiffeIdOf, urisOfSubjectAltName } from '../domain/spiffe-id';
import { privateJwkSchema, registryFileSchema } from './registry-file.schema';
import { isIssuedBy } from './x509';

/** Everything a node needs to take part in the federation, checked for coherence. */
export abstract class FederationMaterial {
  declare readonly registry: FederationRegistry;
  declare readonly self: FederationMember;
  declare readonly tls: {
    readonly certPem: string;
    readonly keyPem: string;
    /** Every CA of the registry: whom the gRPC server accepts client certificates from. */
    readonly trustBundlePem: string;
  };
  declare readonly signing: { readonly privateKey: KeyObject; readonly publicJwk: PublicJwk };
}

type Problem = { variable: string; message: string };

/**
 * Reads the registry, the node's TLS certificate and key, and its signing
 * key; refuses to go on, naming the variable, if any of them is unreadable
 * or does not belong to this node.
 */
export function loadFederationMaterial(
  config: FederationConfig,
  node: NodeConfig,
  now: Date = new Date(),
): FederationMaterial {
  const fail = (variable: string, message: string): never => {
    throw new ConfigError([{ variable, message }]);
  };
  const read = (variable: string, path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      return fail(
        variable,
        `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
      );
    }
  };

  const registry = parseRegistry(read('REGISTRY_FILE', config.registryFile), config.registryFile);
  const self = registry.members.find((m) => m.id === node.id);
  if (!self) fail('REGISTRY_FILE', `${config.registryFile} has no node "${node.id}" (NODE_ID)`);
  if (self!.country !== node.country) {
    fail(
      'NODE_COUNTRY',
      `is ${node.country} but the registry says ${self!.country} for ${node.id}`,
    );
  }

  const certPem = read('TLS_CERT_FILE', config.tlsCertFile);
  const keyPem = read('TLS_KEY_FILE', config.tlsKeyFile);
  const problems: Problem[] = checkCertificate(certPem, keyPem, self!, registry, now);
  if (problems.length > 0) throw new ConfigError(problems);

  const signing = parseSigningKey(read('SIGNING_KEY_FILE', config.signingKeyFile), self!);
  const trustBundlePem =
    [...new Set(registry.members.map((m) => m.caPem.trim()))].join('\n') + '\n';
  return { registry, self: self!, tls: { certPem, keyPem, trustBundlePem }, signing };
}

function parseRegistry(text: string, path: string): FederationRegistry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError([{ variable: 'REGISTRY_FILE', message: `${path} is not JSON` }]);
  }
  const parsed = registryFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: 'REGISTRY_FILE',
        message: `${path}: ${issue.path.join('.') || '(root)'} ${issue.message}`,
      })),
    );
  }
  return {
    trustDomain: parsed.data.trustDomain,
    members: parsed.data.nodes.map((n) => ({
      id: n.id,
      country: n.country,
      grpcAddress: n.grpcAddress,
      httpUrl: n.httpUrl.replace(/\/$/, ''),
      caPem: n.ca,
      jwks: { keys: n.jwks.keys },
    })),
  };
}

function checkCertificate(
  certPem: string,
  keyPem: string,
  self: FederationMember,
  registry: FederationRegistry,
  now: Date,
): Problem[] {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    return [{ variable: 'TLS_CERT_FILE', message: 'is not a PEM certificate' }];
  }
  const problems: Problem[] = [];
  const expected = spiffeIdOf(registry.trustDomain, self.id);
  if (!urisOfSubjectAltName(cert.subjectAltName).includes(expected)) {
    problems.push({
      variable: 'TLS_CERT_FILE',
      message: `its subjectAltName lacks URI:${expected}`,
    });
  }
  if (!isIssuedBy(cert, self.caPem)) {
    problems.push({
      variable: 'TLS_CERT_FILE',
      message: `was not issued by the CA the registry names for ${self.id}`,
    });
  }
  if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) {
    problems.push({
      variable: 'TLS_CERT_FILE',
      message: `is valid only from ${cert.validFrom} to ${cert.validTo}`,
    });
  }
  try {
    if (!cert.checkPrivateKey(createPrivateKey(keyPem))) {
      problems.push({ variable: 'TLS_KEY_FILE', message: 'does not match TLS_CERT_FILE' });
    }
  } catch {
    problems.push({ variable: 'TLS_KEY_FILE', message: 'is not a PEM private key' });
  }
  return problems;
}

function parseSigningKey(text: string, self: FederationMember): FederationMaterial['signing'] {
  const fail = (message: string): never => {
    throw new ConfigError([{ variable: 'SIGNING_KEY_FILE', message }]);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('is not a JSON Web Key');
  }
  const parsed = privateJwkSchema.safeParse(json);
  if (!parsed.success)
    return fail('must be a private Ed25519 JWK with kid (kty OKP, crv Ed25519, x, d)');
  const { d, ...publicJwk } = parsed.data;
  const privateKey = createPrivateKey({ key: { ...publicJwk, d }, format: 'jwk' });
  const derived = createPublicKey(privateKey).export({ format: 'jwk' });
  if (derived.x !== publicJwk.x) fail('its public part x does not match its private part d');
  const registered = self.jwks.keys.find((k) => k.kid === publicJwk.kid);
  if (!registered || registered.x !== publicJwk.x) {
    fail(`key ${publicJwk.kid} is not among the registry's signing keys for ${self.id}`);
  }
  return { privateKey, publicJwk };
}
