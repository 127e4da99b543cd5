import { Injectable } from '@nestjs/common';
import { flattenedVerify, FlattenedSign } from 'jose';
import { FederationMaterial } from '../../federation/infrastructure/federation-material';
import { PublicJwk } from '../../federation/domain/federation-member';
import { verificationKeyOf } from '../../federation/infrastructure/verification-keys';
import { JwsSignature, PermitCrypto } from '../application/permit-crypto.port';

/** EdDSA (Ed25519) JWS with the node's signing key, by jose. */
@Injectable()
export class JosePermitCrypto extends PermitCrypto {
  constructor(private readonly material: FederationMaterial) {
    super();
  }

  async sign(payloadB64: string): Promise<JwsSignature> {
    const jws = await new FlattenedSign(Buffer.from(payloadB64, 'base64url'))
      .setProtectedHeader({ alg: 'EdDSA', kid: this.material.signing.publicJwk.kid })
      .sign(this.material.signing.privateKey);
    return { protected: jws.protected!, signature: jws.signature };
  }

  async verify(payloadB64: string, signature: JwsSignature, key: PublicJwk): Promise<boolean> {
    try {
      await flattenedVerify(
        { payload: payloadB64, protected: signature.protected, signature: signature.signature },
        await verificationKeyOf(key),
        { algorithms: ['EdDSA'] },
      );
      return true;
    } catch {
      return false;
    }
  }
}
