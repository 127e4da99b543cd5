import { FederationMember, NodeInfo } from './federation-member';

export interface PeerStatus {
  readonly id: string;
  readonly country: string;
  readonly grpcAddress: string;
  readonly httpUrl: string;
  /** Answered over mutual TLS and is who the registry says it is. */
  readonly reachable: boolean;
  readonly latencyMs?: number;
  readonly version?: string;
  readonly error?: { readonly code: string; readonly message: string };
}

/** Differences between what a peer says of itself and what the registry says of it. */
export function identityMismatches(member: FederationMember, info: NodeInfo): string[] {
  const problems: string[] = [];
  if (info.nodeId !== member.id) problems.push(`answers as node ${info.nodeId}`);
  if (info.country !== member.country) problems.push(`answers with country ${info.country}`);
  const key = (k: { kid: string; x: string }) => `${k.kid}:${k.x}`;
  const registered = new Set(member.jwks.keys.map(key));
  const presented = info.signingKeys.keys.map(key);
  if (presented.length !== registered.size || presented.some((k) => !registered.has(k))) {
    problems.push('publishes signing keys that differ from the registry');
  }
  return problems;
}
