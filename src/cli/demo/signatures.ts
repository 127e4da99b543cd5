import { compactVerify, decodeProtectedHeader, flattenedVerify, importJWK, JWK } from 'jose';
import type { GeneralJws } from '../client/api-types';
import type { SignatureCheck } from './demo-facts';

/** The signing keys each node publishes at /.well-known/jwks.json, by node id. */
export type PublishedKeys = ReadonlyMap<string, readonly JWK[]>;

export async function publishedKeys(
  nodes: readonly { id: string; httpUrl: string }[],
): Promise<PublishedKeys> {
  const keys = new Map<string, JWK[]>();
  for (const node of nodes) {
    const res = await fetch(`${node.httpUrl}/.well-known/jwks.json`);
    if (!res.ok) throw new Error(`${node.id} did not publish its keys (HTTP ${res.status})`);
    keys.set(node.id, ((await res.json()) as { keys: JWK[] }).keys);
  }
  return keys;
}

/** Each signature of the permit, the node whose published key it names, and whether it verifies. */
export async function checkPermitSignatures(
  jws: GeneralJws,
  keys: PublishedKeys,
): Promise<SignatureCheck[]> {
  return Promise.all(
    jws.signatures.map(async (s) => {
      const header = JSON.parse(Buffer.from(s.protected, 'base64url').toString('utf8')) as {
        alg: string;
        kid: string;
      };
      const owner = ownerOf(header.kid, keys);
      let verified = false;
      if (owner) {
        try {
          await flattenedVerify(
            { payload: jws.payload, protected: s.protected, signature: s.signature },
            await importJWK(owner.key, 'EdDSA'),
          );
          verified = true;
        } catch {
          verified = false;
        }
      }
      return { node: owner?.node ?? 'unknown', kid: header.kid, alg: header.alg, verified };
    }),
  );
}

/** Whether a compact JWS (a destruction record) verifies with the key `node` publishes. */
export async function verifiesAs(
  record: string,
  node: string,
  keys: PublishedKeys,
): Promise<boolean> {
  const { kid } = decodeProtectedHeader(record);
  const key = keys.get(node)?.find((k) => k.kid === kid);
  if (!key) return false;
  try {
    await compactVerify(record, await importJWK(key, 'EdDSA'));
    return true;
  } catch {
    return false;
  }
}

function ownerOf(kid: string, keys: PublishedKeys): { node: string; key: JWK } | undefined {
  for (const [node, list] of keys) {
    const key = list.find((k) => k.kid === kid);
    if (key) return { node, key };
  }
  return undefined;
}
