import { DomainError } from '../../../shared/errors';
import { FederationMember, FederationRegistry, JwkSet } from '../domain/federation-member';

/** This node's place in the federation: who it is, who its peers are, and its public keys. */
export abstract class FederationDirectory {
  abstract readonly registry: FederationRegistry;
  abstract readonly self: FederationMember;
  abstract readonly signingKeys: JwkSet;

  peers(): FederationMember[] {
    return this.registry.members.filter((m) => m.id !== this.self.id);
  }

  member(id: string): FederationMember {
    const member = this.registry.members.find((m) => m.id === id);
    if (!member)
      throw new DomainError('PEER.UNKNOWN', `Node ${id} is not in the federation registry`);
    return member;
  }
}
