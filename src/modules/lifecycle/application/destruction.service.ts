import { Injectable, Logger } from '@nestjs/common';
import { LifecycleConfig, NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { FederationDirectory } from '../../federation/application/federation-directory';
import { PermitJobsService } from '../../jobs/application/permit-jobs.service';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { canonicalJson } from '../../permits/domain/canonical-json';
import { WorkspacesService } from '../../workspaces/application/workspaces.service';
import {
  DestructionInventory,
  DestructionRecord,
  destructionRecordOf,
  destructionRecordSchema,
} from '../domain/destruction-record';
import { destroyDueAt } from '../domain/lifecycle.planner';
import { DestructionSigner } from './destruction-signer.port';
import { LifecyclePeers } from './lifecycle-peers.port';
import { LifecycleRepository } from './lifecycle-repository.port';
import type { ActionOutcome } from './lifecycle.service';

const SYSTEM = { kind: 'system' } as const;

/**
 * The destroy stage at one node, in two transactions. The first counts what
 * the node holds for the permit (workspace tables and rows, the secret's id,
 * unreleased outputs), keeps that count, and destroys it all: the drop, the
 * deletions, the count and the audit entry commit together or not at all.
 * The second, only once the destruction has committed, signs the record of
 * it, writes it into the audit log and moves the permit to DESTROYED. A
 * crash between the two leaves the count, from which the next tick writes
 * the record. The permit, its register entry and the audit log remain.
 */
@Injectable()
export class DestructionService {
  private readonly logger = new Logger(DestructionService.name);

  constructor(
    private readonly stages: PermitStagesService,
    private readonly workspaces: WorkspacesService,
    private readonly jobs: PermitJobsService,
    private readonly repository: LifecycleRepository,
    private readonly signer: DestructionSigner,
    private readonly peers: LifecyclePeers,
    private readonly directory: FederationDirectory,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
    private readonly config: LifecycleConfig,
  ) {}

  /** Destroys what is due, writes the record, and a participant hands it to the lead at once if it can. */
  async destroy(permitId: string): Promise<ActionOutcome> {
    const destroyed = await this.destroyData(permitId);
    if (destroyed === 'busy') return destroyed;
    const written = await this.writeRecord(permitId);
    if (typeof written !== 'object') return destroyed === 'done' ? 'done' : written;
    if (written.lead !== this.node.id) {
      await this.deliver(permitId, written.lead).catch((error: unknown) =>
        this.logger.warn(
          `Record of ${permitId} not yet delivered to ${written.lead}: ${(error as Error).message}`,
        ),
      );
    }
    return 'done';
  }

  /** First transaction: count, then destroy; 'nothing' when not due or done before. */
  private async destroyData(permitId: string): Promise<ActionOutcome> {
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const permit = await this.stages.claim(permitId, tx);
      if (!permit) return 'busy';
      if (permit.status !== 'ARCHIVED' || !permit.archivedAt) return 'nothing';
      if (await this.repository.destruction(permitId, tx)) return 'nothing';
      if (!(await this.repository.archival(permitId, tx))) return 'nothing';
      const policy = { node: this.node.id, destroyAfterMonths: this.config.destroyAfterMonths };
      if (now < destroyDueAt(permit.archivedAt, policy)) return 'nothing';

      const workspace = await this.workspaces.inventory(permitId, tx);
      await this.workspaces.destroy(permitId, now, tx);
      const unreleasedOutputs = await this.jobs.deleteUnreleased(permitId, tx);
      const inventory: DestructionInventory = {
        archivedAt: permit.archivedAt,
        workspace,
        unreleasedOutputs,
      };
      await this.repository.startDestruction(permitId, inventory, now, tx);
      await this.audit.record(
        {
          channel: 'internal',
          actor: SYSTEM,
          action: 'lifecycle.destroy-data',
          permitId,
          outcome: 'success',
          details: { ...inventory },
        },
        tx,
      );
      return 'done';
    });
  }

  /** Second transaction: the signed record, in the audit log, and the move to DESTROYED. */
  private async writeRecord(permitId: string): Promise<ActionOutcome | { lead: string }> {
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const permit = await this.stages.claim(permitId, tx);
      if (!permit) return 'busy';
      const destruction = await this.repository.destruction(permitId, tx);
      if (!destruction || destruction.record || permit.status !== 'ARCHIVED') return 'nothing';
      const record = destructionRecordOf(
        permitId,
        this.node.id,
        destruction.inventory,
        destruction.destroyedAt.toISOString(),
      );
      const jws = await this.signer.sign(canonicalJson(record));
      await this.repository.saveRecord(permitId, jws, now, tx);
      if (permit.application.lead === this.node.id) {
        await this.repository.collect(
          permitId,
          { node: this.node.id, record: jws, destroyedAt: destruction.destroyedAt },
          now,
          tx,
        );
      }
      await this.stages.move(permitId, 'ARCHIVED', 'DESTROYED', SYSTEM, tx, {
        destroyedAt: record.destroyedAt,
        record: jws,
      });
      return { lead: permit.application.lead };
    });
  }

  /** A participant hands its record to the lead, until the lead has it. */
  async deliver(permitId: string, lead: string): Promise<ActionOutcome> {
    const destruction = await this.repository.destruction(permitId);
    if (!destruction?.record || destruction.deliveredAt) return 'nothing';
    await this.peers.deliverRecord(lead, permitId, destruction.record);
    await this.repository.markDelivered(permitId, this.clock.now());
    return 'done';
  }

  /** At the lead: a participant's record arrives; it is kept only if it verifies with that node's key. */
  async receive(peerId: string, permitId: string, jws: string): Promise<DestructionRecord> {
    const { payload } = await this.stages.granted(permitId, { anyTime: true });
    if (payload.lead !== this.node.id) {
      throw new DomainError('REQUEST.FORBIDDEN', `${this.node.id} does not lead ${permitId}`);
    }
    if (!payload.participants.includes(peerId)) {
      throw new DomainError('REQUEST.FORBIDDEN', `${peerId} does not take part in ${permitId}`);
    }
    const record = await this.verify(jws, peerId);
    if (record.permitId !== permitId || record.node !== peerId) {
      throw new DomainError(
        'LIFECYCLE.RECORD_INVALID',
        `The record is not ${peerId}'s record of permit ${permitId}`,
      );
    }
    const earlier = (await this.repository.collected(permitId)).find((c) => c.node === peerId);
    if (earlier?.record === jws) return record;
    await this.unitOfWork.run(async (tx) => {
      const kept = await this.repository.collect(
        permitId,
        { node: peerId, record: jws, destroyedAt: new Date(record.destroyedAt) },
        this.clock.now(),
        tx,
      );
      if (kept.record !== jws) {
        throw new DomainError(
          'LIFECYCLE.RECORD_INVALID',
          `Another destruction record of ${peerId} for ${permitId} is already here`,
        );
      }
      await this.audit.record(
        {
          channel: 'grpc',
          actor: { kind: 'peer', id: peerId },
          action: 'lifecycle.record-received',
          permitId,
          outcome: 'success',
          details: { node: peerId, destroyedAt: record.destroyedAt },
        },
        tx,
      );
    });
    return record;
  }

  /** The record in a JWS, if it verifies with a registered key of `nodeId`. */
  async verify(jws: string, nodeId: string): Promise<DestructionRecord> {
    const keys = this.directory.member(nodeId).jwks.keys;
    const text = await this.signer.verify(jws, keys);
    const invalid = (why: string) =>
      new DomainError('LIFECYCLE.RECORD_INVALID', `The destruction record ${why}`);
    if (text === undefined) throw invalid(`does not verify with a key of ${nodeId}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw invalid('is not JSON');
    }
    const parsed = destructionRecordSchema.safeParse(json);
    if (!parsed.success) throw invalid('is malformed');
    if (canonicalJson(json) !== text) throw invalid('is not canonical JSON');
    return parsed.data;
  }
}
