import { PublicJwk } from '../../federation/domain/federation-member';

export interface JwsSignature {
  readonly protected: string;
  readonly signature: string;
}

/** This node's EdDSA signatures over permits, and checks of any node's. */
export abstract class PermitCrypto {
  /** Signs the base64url payload with this node's key; the header names the key's kid. */
  abstract sign(payloadB64: string): Promise<JwsSignature>;
  /** Whether `signature` over the payload verifies with `key` (EdDSA only). */
  abstract verify(payloadB64: string, signature: JwsSignature, key: PublicJwk): Promise<boolean>;
}
