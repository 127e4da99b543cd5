import { Injectable } from '@nestjs/common';
import { CompactSign, compactVerify } from 'jose';
import { z } from 'zod';
import { FederationDirectory } from '../../federation/application/federation-directory';
import { PublicJwk } from '../../federation/domain/federation-member';
import { verificationKeyOf } from '../../federation/infrastructure/verification-keys';
import { FederationMaterial } from '../../federation/infrastructure/federation-material';
import { canonicalJson } from '../../permits/domain/canonical-json';
import { TreeHeadSigner } from '../application/tree-head-signer.port';
import { SignedTreeHead, TreeHead, treeHeadPayload } from '../domain/tree-head';

/** The JWS `typ` of a signed tree head. */
export const TREE_HEAD_TYPE = 'spe-tree-head+jws';

const payloadSchema = z.strictObject({
  iss: z.string().min(1).max(64),
  tree_size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  root_hash: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64'),
  timestamp: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/**
 * Tree heads as compact JWS (RFC 7515): protected header
 * `{"alg":"EdDSA","kid":…,"typ":"spe-tree-head+jws"}`, payload the canonical
 * JSON of `treeHeadPayload`, signed with the node's Ed25519 key.
 */
@Injectable()
export class JoseTreeHeadSigner extends TreeHeadSigner {
  constructor(
    private readonly material: FederationMaterial,
    private readonly directory: FederationDirectory,
  ) {
    super();
  }

  async sign(head: TreeHead): Promise<SignedTreeHead> {
    const issuer = this.material.self.id;
    const payload = new TextEncoder().encode(canonicalJson(treeHeadPayload(issuer, head)));
    const jws = await new CompactSign(payload)
      .setProtectedHeader({
        alg: 'EdDSA',
        kid: this.material.signing.publicJwk.kid,
        typ: TREE_HEAD_TYPE,
      })
      .sign(this.material.signing.privateKey);
    return { ...head, issuer, jws };
  }

  async verify(jws: string, nodeId: string): Promise<SignedTreeHead | undefined> {
    const member = this.directory.registry.members.find((m) => m.id === nodeId);
    return member ? verifyTreeHeadJws(jws, member.jwks.keys, nodeId) : undefined;
  }
}

/** The tree head in `jws` if one of `keys` signed it and it names `issuer`; otherwise undefined. */
export async function verifyTreeHeadJws(
  jws: string,
  keys: readonly PublicJwk[],
  issuer: string,
): Promise<SignedTreeHead | undefined> {
  try {
    const { payload, protectedHeader } = await compactVerify(
      jws,
      async (header) => {
        const key = keys.find((k) => k.kid === header.kid);
        if (!key) throw new Error('not a key of the node');
        return verificationKeyOf(key);
      },
      { algorithms: ['EdDSA'] },
    );
    if (protectedHeader.typ !== TREE_HEAD_TYPE) return undefined;
    const parsed = payloadSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)));
    if (!parsed.success || parsed.data.iss !== issuer) return undefined;
    return {
      issuer,
      treeSize: parsed.data.tree_size,
      rootHash: Buffer.from(parsed.data.root_hash, 'base64'),
      timestamp: new Date(parsed.data.timestamp),
      jws,
    };
  } catch {
    return undefined;
  }
}
