import { PublicJwk } from '../../federation/domain/federation-member';

/** Signs this node's destruction records and checks any node's. */
export abstract class DestructionSigner {
  /** A compact JWS (EdDSA, this node's kid) over the canonical JSON text. */
  abstract sign(canonicalJson: string): Promise<string>;
  /** The payload text if `jws` verifies with one of `keys` (by kid), else undefined. */
  abstract verify(jws: string, keys: readonly PublicJwk[]): Promise<string | undefined>;
}
