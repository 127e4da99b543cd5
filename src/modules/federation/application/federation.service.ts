import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { DomainError } from '../../../shared/errors';
import { projectVersion } from '../../../shared/project-root';
import { FederationMember, NodeInfo } from '../domain/federation-member';
import { identityMismatches, PeerStatus } from '../domain/peer-status';
import { FederationDirectory } from './federation-directory';
import { PeerClient } from './peer-client.port';

@Injectable()
export class FederationService {
  private readonly version = projectVersion();

  constructor(
    private readonly directory: FederationDirectory,
    private readonly peers: PeerClient,
  ) {}

  nodeInfo(): NodeInfo {
    const { id, country } = this.directory.self;
    return { nodeId: id, country, version: this.version, signingKeys: this.directory.signingKeys };
  }

  /** Asks every peer, in parallel, who it is; a peer that fails is reported, not thrown. */
  async peerStatuses(): Promise<PeerStatus[]> {
    return Promise.all(this.directory.peers().map((peer) => this.statusOf(peer)));
  }

  private async statusOf(peer: FederationMember): Promise<PeerStatus> {
    const base = {
      id: peer.id,
      country: peer.country,
      grpcAddress: peer.grpcAddress,
      httpUrl: peer.httpUrl,
    };
    const started = performance.now();
    try {
      const info = await this.peers.getNodeInfo(peer.id);
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      const mismatches = identityMismatches(peer, info);
      if (mismatches.length > 0) {
        return {
          ...base,
          reachable: false,
          latencyMs,
          version: info.version,
          error: { code: 'PEER.IDENTITY_MISMATCH', message: mismatches.join('; ') },
        };
      }
      return { ...base, reachable: true, latencyMs, version: info.version };
    } catch (error) {
      const { code, message } =
        error instanceof DomainError ? error : { code: 'PEER.FAILED', message: String(error) };
      return { ...base, reachable: false, error: { code, message } };
    }
  }
}
