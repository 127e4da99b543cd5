import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { DomainError } from '../../../shared/errors';
import { FederationDirectory } from '../../federation/application/federation-directory';
import { FederationMaterial } from '../../federation/infrastructure/federation-material';
import { verificationKeyOf } from '../../federation/infrastructure/verification-keys';
import { NodeConfig } from '../../../config/app-config';
import { SubmitterAssertions, SubmitterClaims } from '../application/submitter-assertions.port';

const AUDIENCE = 'urn:ehds-spe:job';
const TYPE = 'spe-job-submitter+jwt';
const LIFETIME_SECONDS = 300;

const claimsSchema = z.object({
  jti: z.uuid(),
  permit_id: z.uuid(),
  spec_sha256: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  submitter: z.object({ iss: z.string().min(1), sub: z.string().min(1) }),
});

/**
 * The submitter assertion as a JWT (RFC 7519) signed EdDSA with the lead
 * node's signing key: iss is the lead, jti the job, and the submitter is
 * named by their own issuer and subject.
 */
@Injectable()
export class JoseSubmitterAssertions extends SubmitterAssertions {
  constructor(
    private readonly material: FederationMaterial,
    private readonly directory: FederationDirectory,
    private readonly node: NodeConfig,
  ) {
    super();
  }

  async issue(claims: SubmitterClaims, now: Date): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      permit_id: claims.permitId,
      spec_sha256: claims.specHash,
      submitter: { iss: claims.submitter.issuer, sub: claims.submitter.subject },
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.material.signing.publicJwk.kid, typ: TYPE })
      .setIssuer(this.node.id)
      .setAudience(AUDIENCE)
      .setJti(claims.jobId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + LIFETIME_SECONDS)
      .sign(this.material.signing.privateKey);
  }

  async verify(token: string, leadId: string, now: Date): Promise<SubmitterClaims> {
    const lead = this.directory.registry.members.find((m) => m.id === leadId);
    try {
      if (!lead) throw new Error('unknown lead');
      const { payload } = await jwtVerify(
        token,
        async (header) => {
          const key = lead.jwks.keys.find((k) => k.kid === header.kid);
          if (!key) throw new Error('not a key of the lead');
          return verificationKeyOf(key);
        },
        {
          algorithms: ['EdDSA'],
          issuer: leadId,
          audience: AUDIENCE,
          typ: TYPE,
          currentDate: now,
          requiredClaims: ['jti', 'iat', 'exp'],
        },
      );
      const claims = claimsSchema.parse(payload);
      return {
        jobId: claims.jti,
        permitId: claims.permit_id,
        specHash: claims.spec_sha256,
        submitter: { issuer: claims.submitter.iss, subject: claims.submitter.sub },
      };
    } catch {
      throw new DomainError(
        'JOB.ASSERTION_INVALID',
        `The submitter assertion is not a valid, current assertion signed by ${leadId}`,
      );
    }
  }
}
