/** A public Ed25519 signing key (RFC 8037). */
export interface PublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly alg: 'EdDSA';
  readonly use: 'sig';
}

export interface JwkSet {
  readonly keys: readonly PublicJwk[];
}

/** One HDAB node as the federation registry describes it. */
export interface FederationMember {
  readonly id: string;
  readonly country: string;
  /** host:port of its gRPC (mutual TLS) endpoint. */
  readonly grpcAddress: string;
  readonly httpUrl: string;
  /** PEM of the CA that issues this node's certificates. */
  readonly caPem: string;
  readonly jwks: JwkSet;
}

export interface FederationRegistry {
  /** The SPIFFE trust domain: node ids appear as spiffe://<trustDomain>/hdab/<id>. */
  readonly trustDomain: string;
  readonly members: readonly FederationMember[];
}

/** What a node says of itself to its peers. */
export interface NodeInfo {
  readonly nodeId: string;
  readonly country: string;
  readonly version: string;
  readonly signingKeys: JwkSet;
}
