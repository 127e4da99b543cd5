import 'reflect-metadata';
import { createHash, generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { CountryCode } from '../../../config/countries';
import { PublicJwk } from '../domain/federation-member';
import { spiffeIdOf } from '../domain/spiffe-id';
import { RegistryFile } from './registry-file.schema';

x509.cryptoProvider.set(webcrypto as never);

type CryptoKeyPair = webcrypto.CryptoKeyPair;

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

export interface DevNodeSpec {
  readonly id: string;
  readonly country: CountryCode;
  readonly grpcAddress: string;
  readonly httpUrl: string;
}

export interface DevNodeMaterial {
  readonly spec: DevNodeSpec;
  readonly certPem: string;
  readonly keyPem: string;
  readonly signingJwk: PublicJwk & { readonly d: string };
  /** The CA that issued the node, with its key: kept by that node's HDAB. */
  readonly ca: CertificateAuthority;
}

export interface DevFederation {
  readonly registry: RegistryFile;
  readonly nodes: readonly DevNodeMaterial[];
  readonly cas: readonly CertificateAuthority[];
  /** The development token issuer every node of the federation trusts. */
  readonly devIssuer: {
    readonly issuer: string;
    readonly signingJwk: PublicJwk & { readonly d: string };
  };
}

export interface CertificateAuthority {
  readonly name: string;
  readonly certPem: string;
  readonly keyPem: string;
  readonly keys: CryptoKeyPair;
  readonly cert: x509.X509Certificate;
}

/**
 * Creates a development federation: one CA per HDAB (or one shared CA), a
 * certificate per node naming its SPIFFE id, and an Ed25519 signing key per node.
 */
export async function createDevFederation(options: {
  readonly trustDomain: string;
  readonly nodes: readonly DevNodeSpec[];
  readonly sharedCa?: boolean;
  readonly validDays?: number;
  readonly now?: Date;
}): Promise<DevFederation> {
  const now = options.now ?? new Date();
  const validDays = options.validDays ?? 365;
  const shared = options.sharedCa
    ? await createCertificateAuthority('EHDS SPE development federation CA', now, validDays)
    : undefined;
  const nodes: DevNodeMaterial[] = [];
  for (const spec of options.nodes) {
    const ca =
      shared ??
      (await createCertificateAuthority(`EHDS SPE development CA ${spec.country}`, now, validDays));
    const host = spec.grpcAddress.slice(0, spec.grpcAddress.lastIndexOf(':'));
    const leaf = await issueNodeCertificate(ca, options.trustDomain, spec.id, now, validDays, [
      host,
    ]);
    nodes.push({ spec, ...leaf, signingJwk: createSigningJwk(), ca });
  }
  const registry: RegistryFile = {
    trustDomain: options.trustDomain,
    nodes: nodes.map((n) => ({
      ...n.spec,
      ca: n.ca.certPem,
      jwks: { keys: [publicPart(n.signingJwk)] },
    })),
  };
  return {
    registry,
    nodes,
    cas: shared ? [shared] : nodes.map((n) => n.ca),
    devIssuer: {
      issuer: `https://dev-issuer.${options.trustDomain}`,
      signingJwk: createSigningJwk(),
    },
  };
}

export async function createCertificateAuthority(
  name: string,
  now: Date,
  validDays: number,
): Promise<CertificateAuthority> {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=${name}`,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + validDays * DAY_MS),
    keys,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    name,
    cert,
    keys,
    certPem: cert.toString('pem') + '\n',
    keyPem: await privateKeyPem(keys),
  };
}

/** A TLS certificate for server and client use, naming the node by its SPIFFE id. */
export async function issueNodeCertificate(
  ca: CertificateAuthority,
  trustDomain: string,
  nodeId: string,
  now: Date,
  validDays: number,
  hostNames: readonly string[] = [],
): Promise<{ certPem: string; keyPem: string }> {
  const dnsNames = [...new Set(['localhost', ...hostNames])].filter((h) => !/^[\d.]+$/.test(h));
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${nodeId}.${trustDomain}`,
    issuer: ca.cert.subject,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + validDays * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension(
        [x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth],
        false,
      ),
      new x509.SubjectAlternativeNameExtension(
        [
          { type: 'url', value: spiffeIdOf(trustDomain, nodeId) },
          ...dnsNames.map((value) => ({ type: 'dns' as const, value })),
          { type: 'ip', value: '127.0.0.1' },
        ],
        false,
      ),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: await privateKeyPem(keys) };
}

/** A fresh Ed25519 key as a private JWK whose kid is its RFC 7638 thumbprint. */
export function createSigningJwk(): PublicJwk & { readonly d: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  const thumbprint = createHash('sha256')
    .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x: jwk.x }))
    .digest('base64url');
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: jwk.x,
    d: jwk.d,
    kid: thumbprint,
    alg: 'EdDSA',
    use: 'sig',
  };
}

export function publicPart(jwk: PublicJwk & { readonly d?: string }): PublicJwk {
  const { kty, crv, x, kid, alg, use } = jwk;
  return { kty, crv, x, kid, alg, use };
}

async function privateKeyPem(keys: CryptoKeyPair): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const body = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`;
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}
