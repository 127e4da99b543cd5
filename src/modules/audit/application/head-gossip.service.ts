import { Injectable, Logger } from '@nestjs/common';
import { MetricsService } from '../../../observability/metrics.service';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { FederationDirectory } from '../../federation/application/federation-directory';
import { verifyConsistency } from '../domain/merkle-proofs';
import { compareHeads, SignedTreeHead } from '../domain/tree-head';
import { AuditPeers } from './audit-peers.port';
import { AuditService } from './audit.service';
import { AlertKind, AuditAlert, HeldHead, PeerHeadStore } from './peer-heads.port';
import { TreeHeadSigner } from './tree-head-signer.port';

export type GossipOutcome = 'held' | 'same' | 'extended' | 'known' | AlertKind;

/**
 * Each node keeps its peers' signed tree heads and holds every new one to
 * the last it proved: a new head must come with a consistency proof from the
 * held one. A peer that cannot give it rewrote (or forked, or rolled back)
 * its history; its two signed heads are kept as evidence, the alert is
 * audited here and logged. Every peer that fetches the head notices alike.
 */
@Injectable()
export class HeadGossipService {
  private readonly logger = new Logger(HeadGossipService.name);

  constructor(
    private readonly peers: AuditPeers,
    private readonly store: PeerHeadStore,
    private readonly signer: TreeHeadSigner,
    private readonly directory: FederationDirectory,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  /** Checks every peer in parallel; an unreachable peer is tried again next round. */
  async round(): Promise<void> {
    await Promise.all(
      this.directory
        .peers()
        .map((peer) =>
          this.check(peer.id).catch((error: unknown) =>
            this.logger.warn(`No tree head from ${peer.id}: ${(error as Error).message}`),
          ),
        ),
    );
  }

  /** The heads of `node` this node holds, oldest first: evidence an auditor can take away. */
  async heldHeads(node: string): Promise<HeldHead[]> {
    this.directory.member(node);
    return this.store.heads(node);
  }

  async alerts(): Promise<AuditAlert[]> {
    return this.store.alerts();
  }

  async check(node: string): Promise<GossipOutcome> {
    const jws = await this.peers.signedTreeHead(node);
    const head = await this.signer.verify(jws, node);
    if (!head) {
      throw new DomainError(
        'PEER.FAILED',
        `${node} sent a tree head its registered keys did not sign`,
      );
    }
    const held = await this.store.latestConsistent(node);
    if (!held) {
      await this.store.save(head, true, this.clock.now());
      return 'held';
    }
    const comparison = compareHeads(held, head);
    if (comparison === 'same') return 'same';
    if (comparison === 'to-prove') {
      const proof = await this.peers.consistencyProof(node, held.treeSize, head.treeSize);
      if (verifyConsistency(held.treeSize, head.treeSize, held.rootHash, head.rootHash, proof)) {
        await this.store.save(head, true, this.clock.now());
        return 'extended';
      }
      return this.alert(node, 'inconsistent', held, head);
    }
    return this.alert(node, comparison, held, head);
  }

  private async alert(
    node: string,
    kind: AlertKind,
    held: HeldHead,
    head: SignedTreeHead,
  ): Promise<GossipOutcome> {
    const now = this.clock.now();
    const raised = await this.unitOfWork.run(async (tx) => {
      const offendingId = await this.store.save(head, false, now, tx);
      const isNew = await this.store.saveAlert(
        { node, kind, heldId: held.id, offendingId, detectedAt: now },
        tx,
      );
      if (isNew) {
        await this.audit.record(
          {
            channel: 'internal',
            actor: { kind: 'system' },
            action: 'audit.peer-inconsistent',
            outcome: 'error',
            details: { node, kind, heldTreeSize: held.treeSize, treeSize: head.treeSize },
          },
          tx,
        );
      }
      return isNew;
    });
    if (!raised) return 'known';
    this.metrics.auditAlerts.inc({ node, kind });
    this.logger.error(
      `Node ${node} signed a tree of ${head.treeSize} leaves that does not follow the tree of ` +
        `${held.treeSize} it signed at ${held.timestamp.toISOString()} (${kind})`,
    );
    return kind;
  }
}
