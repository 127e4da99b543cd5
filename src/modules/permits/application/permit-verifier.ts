import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/errors';
import { FederationDirectory } from '../../federation/application/federation-directory';
import { canonicalJson } from '../domain/canonical-json';
import { GeneralJws } from '../domain/permit';
import { PermitPayload } from '../domain/permit-payload';
import { permitPayloadSchema } from '../domain/permit-payload.schema';
import { assertNamesNode, assertWithinValidity } from '../domain/permit.rules';
import { PermitCrypto } from './permit-crypto.port';

/** Permits whose signatures verified, remembered by hash; a node sees few permits. */
const VERIFIED_CAPACITY = 256;

/**
 * The one permit check, used everywhere a permit is accepted: the payload
 * is canonical and well-formed; every participant has signed it with a key
 * the registry publishes for that participant (each checked on its own:
 * one good signature does not stand for the others); no one else has signed
 * it; it is within its validity window; and, when asked, it names this node.
 *
 * What depends only on the permit's bytes and the registry (the payload and
 * the signatures) is checked once per exact JWS and remembered by its
 * SHA-256; the validity window and the node are checked on every call, and
 * the permit's state is the caller's to read each time (ADR 0014).
 */
@Injectable()
export class PermitVerifier {
  private readonly verified = new Map<string, PermitPayload>();

  constructor(
    private readonly crypto: PermitCrypto,
    private readonly directory: FederationDirectory,
  ) {}

  /** `now: 'any-time'` skips the validity window, to read what an expired permit produced. */
  async verify(
    jws: GeneralJws,
    options: { now: Date | 'any-time'; forNode?: string },
  ): Promise<PermitPayload> {
    const hash = hashOf(jws);
    let payload = this.verified.get(hash);
    if (!payload) {
      payload = await this.verifySignatures(jws);
      if (this.verified.size >= VERIFIED_CAPACITY) {
        this.verified.delete(this.verified.keys().next().value!);
      }
      this.verified.set(hash, payload);
    }
    if (options.now !== 'any-time') assertWithinValidity(payload, options.now);
    if (options.forNode) assertNamesNode(payload, options.forNode);
    return payload;
  }

  /** The payload, well-formed, canonical and signed by every participant and no one else. */
  private async verifySignatures(jws: GeneralJws): Promise<PermitPayload> {
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

/** SHA-256 of every byte the signature checks read: the payload and each signature in order. */
function hashOf(jws: GeneralJws): string {
  const parts = [jws.payload, ...jws.signatures.flatMap((s) => [s.protected, s.signature])];
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
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
