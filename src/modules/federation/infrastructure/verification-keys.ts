import { importJWK } from 'jose';
import { PublicJwk } from '../domain/federation-member';

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;

/** Enough for every registry key and a few more; the oldest import is dropped beyond it. */
const CAPACITY = 256;
const imported = new Map<string, Promise<VerificationKey>>();

/** A public EdDSA key ready for jose to verify with, imported once rather than on every check. */
export function verificationKeyOf(jwk: PublicJwk): Promise<VerificationKey> {
  const id = `${jwk.kty}:${jwk.crv}:${jwk.x}`;
  let key = imported.get(id);
  if (!key) {
    key = importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'EdDSA');
    // A key that fails to import is tried again next time rather than remembered.
    key.catch(() => imported.delete(id));
    if (imported.size >= CAPACITY) imported.delete(imported.keys().next().value!);
    imported.set(id, key);
  }
  return key;
}
