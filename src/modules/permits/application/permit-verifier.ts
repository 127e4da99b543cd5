import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/errors';
import { FederationDirectory } from '../../federation/application/federation-directory';
import { canonicalJson } from '../domain/canonical-json';
import { GeneralJws } from '../domain/permit';
import { PermitPayload } from '../domain/permit-payload';
import { permitPayloadSchema } from '../domain/permit-payload.schema';
import { assertNamesNode, assertWithinValidity } from '../domain/permit.rules';
import { PermitCrypto } from './permit-crypto.port';

/**
 * The one permit check, used everywhere a permit is accepted: the payload
 * is canonical and well-formed; every participant has signed it with a key
 * the registry publishes for that participant (each checked on its own:
 * one good signature does not stand for the others); no one else has signed
 * it; it is within its validity window; and, when asked, it names this node.
 */
@Injectable()
export class PermitVerifier {
  constructor(
    private readonly crypto: PermitCrypto,
    private readonly directory: FederationDirectory,
  ) {}

  /** `now: 'any-time'` skips the validity window, to read what an expired permit produced. */
  async verify(
    jws: GeneralJws,
    options: { now: Date | 'any-time'; forNode?: string },
  ): Promise<PermitPayload> {
    const payload = this.decode(jws);
    const participants = payload.participants.map((id) => {
      const member = this.directory.registry.members.find((m) => m.id === id);
      if (!member) throw invalid(`names node ${id}, which is not in the federation registry`);
      return member;
    });

    const kidsOf = new Map(participants.map((m) => [m.id, new Set(m.jwks.keys.map((k) => k.kid))]));
    const headers = jws.signatures.map((signature) => ({
      signature,
      kid: kidOf(signature.protected),
    }));
    const foreign = headers.filter(
      (h) => ![...kidsOf.values()].some((kids) => h.kid && kids.has(h.kid)),
    );
    if (foreign.length > 0) {
      throw invalid(
        `carries a signature by a key that is no participant's registered key (${foreign[0]!.kid ?? 'no kid'})`,
      );
    }
    for (const member of participants) {
      const own = headers.filter((h) => h.kid && kidsOf.get(member.id)!.has(h.kid));
      if (own.length === 0) {
        throw new DomainError(
          'PERMIT.SIGNATURE_MISSING',
          `Permit ${payload.permitId} lacks the signature of ${member.id}`,
          {
            node: member.id,
          },
        );
      }
      for (const { signature, kid } of own) {
        const key = member.jwks.keys.find((k) => k.kid === kid)!;
        if (!(await this.crypto.verify(jws.payload, signature, key))) {
          throw invalid(`has a signature of ${member.id} that does not verify`);
        }
      }
    }
    if (options.now !== 'any-time') assertWithinValidity(payload, options.now);
    if (options.forNode) assertNamesNode(payload, options.forNode);
    return payload;
  }

  private decode(jws: GeneralJws): PermitPayload {
    let text: string;
    let json: unknown;
    try {
      text = Buffer.from(jws.payload, 'base64url').toString('utf8');
      json = JSON.parse(text);
    } catch {
      throw new DomainError('PERMIT.MALFORMED', 'The permit payload is not base64url JSON');
    }
    const parsed = permitPayloadSchema.safeParse(json);
    if (!parsed.success)
      throw new DomainError('PERMIT.MALFORMED', 'The permit payload is not a permit');
    if (canonicalJson(json) !== text)
      throw new DomainError('PERMIT.MALFORMED', 'The permit payload is not canonical JSON');
    return parsed.data;
  }
}

function invalid(what: string): DomainError {
  return new DomainError('PERMIT.SIGNATURE_INVALID', `The permit ${what}`);
}

function kidOf(protectedHeader: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(protectedHeader, 'base64url').toString('utf8')) as {
      kid?: unknown;
      alg?: unknown;
    };
    return header.alg === 'EdDSA' && typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}
