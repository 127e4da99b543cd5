import { importJWK, SignJWT } from 'jose';
import { Role } from '../domain/person';

/** The built-in development issuer: a private Ed25519 JWK and the issuer name it signs as. */
export interface DevIssuer {
  readonly issuer: string;
  readonly privateJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string; kid: string };
}

/** A bearer token for local use, as an OIDC provider would issue it. */
export async function mintDevToken(
  devIssuer: DevIssuer,
  claims: {
    readonly subject: string;
    readonly roles: readonly Role[];
    /** The node whose HDAB employs the person (for hdab-reviewer and hdab-admin). */
    readonly hdab?: string;
    readonly audience: string;
    readonly ttlSeconds: number;
    readonly now?: Date;
  },
): Promise<string> {
  const key = await importJWK(devIssuer.privateJwk, 'EdDSA');
  const now = Math.floor((claims.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ roles: [...claims.roles], ...(claims.hdab ? { hdab: claims.hdab } : {}) })
    .setProtectedHeader({ alg: 'EdDSA', kid: devIssuer.privateJwk.kid, typ: 'JWT' })
    .setIssuer(devIssuer.issuer)
    .setSubject(claims.subject)
    .setAudience(claims.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + claims.ttlSeconds)
    .sign(key);
}
