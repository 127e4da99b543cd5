import { DomainError } from '../../../shared/errors';
import { FederationMember } from '../domain/federation-member';

const callers = new WeakMap<object, FederationMember>();

export function rememberCaller(call: object, peer: FederationMember): void {
  callers.set(call, peer);
}

/** The authenticated node behind a gRPC call (set by PeerCallInterceptor). */
export function callerOf(call: object): FederationMember {
  const peer = callers.get(call);
  if (!peer) throw new DomainError('PEER.UNAUTHENTICATED', 'The calling node was not identified');
  return peer;
}
