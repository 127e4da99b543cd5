import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  JSONWebKeySet,
  JWTPayload,
  jwtVerify,
  JWTVerifyGetKey,
} from 'jose';
import { IdentityConfig } from '../../../config/app-config';
import { ConfigError } from '../../../config/config.error';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { TokenVerifier } from '../application/token-verifier.port';
import { isRole, Person } from '../domain/person';

const ALGORITHMS = ['EdDSA', 'ES256', 'ES384', 'RS256', 'PS256'];
const CLOCK_TOLERANCE_S = 30;

/** Bearer JWTs of the trusted issuers: the development issuer and one external OIDC issuer. */
@Injectable()
export class JoseTokenVerifier extends TokenVerifier {
  /** Each trusted issuer: its keys, and where its tokens carry roles. */
  private readonly issuers = new Map<string, { keys: JWTVerifyGetKey; rolesClaim: string }>();

  constructor(
    private readonly config: IdentityConfig,
    private readonly clock: Clock,
  ) {
    super();
    if (config.devIssuer) {
      this.issuers.set(config.devIssuer.issuer, {
        keys: createLocalJWKSet(readJwks(config.devIssuer.jwksFile)),
        rolesClaim: 'roles',
      });
    }
    if (config.oidc) {
      this.issuers.set(config.oidc.issuer, {
        keys: createRemoteJWKSet(new URL(config.oidc.jwksUrl), {
          timeoutDuration: 5000,
          cooldownDuration: 30_000,
        }),
        rolesClaim: config.rolesClaim,
      });
    }
  }

  async verify(token: string): Promise<Person> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('it is not a JWT');
    }
    const trusted = issuer ? this.issuers.get(issuer) : undefined;
    if (!trusted) {
      throw unauthenticated(
        `its issuer ${JSON.stringify(issuer ?? null)} is not trusted by this node`,
      );
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trusted.keys, {
        issuer,
        audience: this.config.audience,
        algorithms: ALGORITHMS,
        currentDate: this.clock.now(),
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw unauthenticated(reasonOf(error));
    }
    const roles = claimAt(payload, trusted.rolesClaim);
    return {
      issuer: issuer!,
      subject: payload.sub!,
      roles: Array.isArray(roles) ? [...new Set(roles.filter(isRole))] : [],
      ...(typeof payload.hdab === 'string' ? { hdab: payload.hdab } : {}),
    };
  }
}

function unauthenticated(reason: string): DomainError {
  return new DomainError('REQUEST.UNAUTHENTICATED', `The bearer token was refused: ${reason}`);
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `its ${error.claim} claim is not acceptable`;
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'its signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of its issuer matches it';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'its algorithm is not accepted';
  if (error instanceof errors.JWKSTimeout) return "its issuer's keys could not be fetched in time";
  return 'it is malformed or cannot be verified';
}

/** A claim by name or dotted path, as Keycloak puts roles in realm_access.roles. */
function claimAt(payload: JWTPayload, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      payload,
    );
}

function readJwks(file: string): JSONWebKeySet {
  try {
    const jwks = JSON.parse(readFileSync(file, 'utf8')) as JSONWebKeySet;
    if (!Array.isArray(jwks.keys) || jwks.keys.some((k) => 'd' in k)) throw new Error();
    return jwks;
  } catch {
    throw new ConfigError([
      { variable: 'DEV_ISSUER_JWKS_FILE', message: `${file} is not a public JWK Set` },
    ]);
  }
}
