import { Injectable } from '@nestjs/common';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { PublicJwk } from '../../federation/domain/federation-member';
import { FederationMaterial } from '../../federation/infrastructure/federation-material';
import { verificationKeyOf } from '../../federation/infrastructure/verification-keys';
import { DestructionSigner } from '../application/destruction-signer.port';
import { DESTRUCTION_RECORD_JWS_TYPE } from '../domain/destruction-record';

/** Compact JWS, EdDSA (Ed25519), with the node's signing key and its kid, by jose. */
@Injectable()
export class JoseDestructionSigner extends DestructionSigner {
  constructor(private readonly material: FederationMaterial) {
    super();
  }

  async sign(canonicalJson: string): Promise<string> {
    return new CompactSign(Buffer.from(canonicalJson, 'utf8'))
      .setProtectedHeader({
        alg: 'EdDSA',
        kid: this.material.signing.publicJwk.kid,
        typ: DESTRUCTION_RECORD_JWS_TYPE,
      })
      .sign(this.material.signing.privateKey);
  }

  async verify(jws: string, keys: readonly PublicJwk[]): Promise<string | undefined> {
    try {
      const { kid, typ } = decodeProtectedHeader(jws);
      const key = keys.find((k) => k.kid === kid);
      if (!key || typ !== DESTRUCTION_RECORD_JWS_TYPE) return undefined;
      const { payload } = await compactVerify(jws, await verificationKeyOf(key), {
        algorithms: ['EdDSA'],
      });
      return Buffer.from(payload).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
