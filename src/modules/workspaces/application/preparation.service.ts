import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { NodeConfig, UseConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import type { OutputRules } from '../../analysis/domain/analysis-kind';
import { AuditService } from '../../audit/application/audit.service';
import { DatasetsService } from '../../catalogue/application/datasets.service';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import {
  nextAttemptAfter,
  workspacePlan,
  workspaceSchemaOf,
  WorkspaceTableInfo,
} from '../domain/workspace';
import { WorkspacePeers } from './workspace-peers.port';
import { WorkspaceStore } from './workspace-store.port';

const SYSTEM = { kind: 'system' } as const;

/**
 * The preparation stage. Each participant builds its workspace when the
 * permit is granted and reports it ready to the lead; the lead makes the
 * permit ACTIVE once every participant is ready and tells them. Every step
 * is safe to repeat, so the sweep finishes whatever a failure or a restart
 * left undone.
 */
@Injectable()
export class PreparationService implements OnModuleInit {
  private readonly logger = new Logger(PreparationService.name);
  /** Permits whose preparation runs in this process, so a grant and a sweep never build twice. */
  private readonly preparing = new Set<string>();

  constructor(
    private readonly store: WorkspaceStore,
    private readonly peers: WorkspacePeers,
    private readonly stages: PermitStagesService,
    private readonly datasets: DatasetsService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
    private readonly use: UseConfig,
  ) {}

  onModuleInit(): void {
    this.stages.onGranted((permitId) => void this.prepare(permitId));
  }

  /** Builds this node's workspace of a granted permit (unless built or waiting to retry), then reports it. */
  async prepare(permitId: string, options: { force?: boolean } = {}): Promise<void> {
    if (this.preparing.has(permitId)) return;
    this.preparing.add(permitId);
    try {
      const { record, payload } = await this.stages.granted(permitId);
      if (record.status !== 'APPROVED' && record.status !== 'PREPARING') return;
      const existing = await this.store.get(permitId);
      const now = this.clock.now();
      if (existing?.status !== 'READY') {
        if (!options.force && existing?.nextAttemptAt && existing.nextAttemptAt > now) return;
        if (record.status === 'APPROVED') {
          await this.unitOfWork.run((tx) =>
            this.stages.move(permitId, 'APPROVED', 'PREPARING', SYSTEM, tx),
          );
        }
        const schema = workspaceSchemaOf(permitId);
        let tables: WorkspaceTableInfo[];
        try {
          tables = workspacePlan(payload.datasets, this.node.id, await this.datasets.list());
          await this.unitOfWork.run(async (tx) => {
            await this.store.build(permitId, schema, tables, now, tx);
            await this.audit.record(
              {
                channel: 'internal',
                actor: SYSTEM,
                action: 'workspace.build',
                permitId,
                outcome: 'success',
                details: { schema, datasets: tables.map((t) => t.dataset) },
              },
              tx,
            );
          });
        } catch (error) {
          await this.recordFailure(permitId, error, (existing?.attempts ?? 0) + 1);
          return;
        }
        await this.vacuum(permitId, schema, tables);
      }
      await this.report(permitId, payload.lead);
    } catch (error) {
      this.logger.warn(`Preparation of ${permitId} not finished: ${(error as Error).message}`);
    } finally {
      this.preparing.delete(permitId);
    }
  }

  /** Only speeds up reading: a failure leaves the workspace as built, for autovacuum to reach. */
  private async vacuum(
    permitId: string,
    schema: string,
    tables: readonly WorkspaceTableInfo[],
  ): Promise<void> {
    try {
      await this.store.vacuum(schema, tables);
    } catch (error) {
      this.logger.warn(
        `Vacuum of the workspace of ${permitId} failed: ${(error as Error).message}`,
      );
    }
  }

  /** At the lead: a participant's workspace is ready; its output rules will bind the permit's jobs. */
  async receiveReady(
    peerId: string,
    permitId: string,
    tables: readonly WorkspaceTableInfo[],
    outputRules: OutputRules,
  ): Promise<void> {
    const { record, payload } = await this.stages.granted(permitId);
    if (payload.lead !== this.node.id) {
      throw new DomainError('REQUEST.FORBIDDEN', `${this.node.id} does not lead ${permitId}`);
    }
    if (!payload.participants.includes(peerId)) {
      throw new DomainError('REQUEST.FORBIDDEN', `${peerId} does not take part in ${permitId}`);
    }
    const expected = payload.datasets.filter((d) => d.node === peerId);
    const matches =
      tables.length === expected.length &&
      expected.every((d) => {
        const table = tables.find((t) => t.dataset === d.dataset);
        return (
          table !== undefined &&
          table.columns.map((c) => c.name).join() === d.variables.join() &&
          d.variables.every((v) => table.publishedVariables.includes(v))
        );
      });
    if (!matches) {
      throw new DomainError(
        'REQUEST.INVALID',
        `The workspace ${peerId} reports does not match permit ${permitId}`,
      );
    }
    if (record.status !== 'PREPARING' && record.status !== 'ACTIVE') {
      throw new DomainError('PERMIT.NOT_ACTIVE', `Permit ${permitId} is ${record.status}`);
    }
    await this.unitOfWork.run(async (tx) => {
      await this.store.recordReadiness(permitId, peerId, tables, outputRules, this.clock.now(), tx);
      await this.audit.record(
        {
          channel: peerId === this.node.id ? 'internal' : 'grpc',
          actor: peerId === this.node.id ? SYSTEM : { kind: 'peer', id: peerId },
          action: 'workspace.ready',
          permitId,
          outcome: 'success',
        },
        tx,
      );
    });
    await this.activateWhenAllReady(permitId);
  }

  /** At a participant: the lead says every workspace is ready. */
  async activate(peerId: string, permitId: string): Promise<void> {
    const { record, payload } = await this.stages.granted(permitId);
    if (payload.lead !== peerId) {
      throw new DomainError('REQUEST.FORBIDDEN', `${peerId} does not lead ${permitId}`);
    }
    if (record.status === 'ACTIVE') return;
    const workspace = await this.store.get(permitId);
    if (workspace?.status !== 'READY') {
      throw new DomainError(
        'WORKSPACE.NOT_READY',
        `The workspace of ${permitId} is not ready here`,
      );
    }
    await this.unitOfWork.run(async (tx) => {
      if (
        !(await this.stages.move(
          permitId,
          record.status,
          'ACTIVE',
          { kind: 'peer', id: peerId },
          tx,
        ))
      ) {
        throw new DomainError('PERMIT.STALE', `Permit ${permitId} changed meanwhile; try again`);
      }
    });
  }

  /** Everything unfinished: builds due for a retry, unreported workspaces, activations not yet told. */
  async sweep(): Promise<void> {
    for (const permit of await this.stages.inStatus(['APPROVED', 'PREPARING'])) {
      await this.prepare(permit.application.id);
    }
    for (const permit of await this.stages.inStatus(['PREPARING', 'ACTIVE'])) {
      if (permit.application.lead === this.node.id) {
        await this.activateWhenAllReady(permit.application.id);
      }
    }
  }

  private async report(permitId: string, lead: string): Promise<void> {
    const workspace = await this.store.get(permitId);
    if (!workspace || workspace.status !== 'READY' || workspace.reported) return;
    if (lead === this.node.id) {
      await this.receiveReady(this.node.id, permitId, workspace.tables, this.use.outputRules);
    } else {
      await this.peers.reportReady(lead, permitId, workspace.tables, this.use.outputRules);
    }
    await this.store.markReported(permitId);
  }

  private async activateWhenAllReady(permitId: string): Promise<void> {
    const { record, payload } = await this.stages.granted(permitId);
    const ready = await this.store.readiness(permitId);
    if (!payload.participants.every((node) => ready.some((r) => r.node === node))) return;
    if (record.status === 'PREPARING') {
      await this.unitOfWork.run((tx) =>
        this.stages.move(permitId, 'PREPARING', 'ACTIVE', SYSTEM, tx, {
          participants: payload.participants,
        }),
      );
    }
    await Promise.all(
      ready
        .filter((r) => r.node !== this.node.id && !r.activated)
        .map(async (r) => {
          try {
            await this.peers.activate(r.node, permitId);
            await this.store.markActivated(permitId, r.node);
          } catch (error) {
            this.logger.warn(
              `${r.node} not yet told ${permitId} is active: ${(error as Error).message}`,
            );
          }
        }),
    );
  }

  private async recordFailure(permitId: string, error: unknown, attempts: number): Promise<void> {
    // A database error's text may quote values; only its SQLSTATE is kept.
    const message =
      error instanceof DomainError
        ? error.message
        : `the database refused the build (SQLSTATE ${(error as { code?: string }).code ?? 'unknown'})`;
    this.logger.error(`Workspace of ${permitId} not built (attempt ${attempts}): ${message}`);
    const now = this.clock.now();
    await this.unitOfWork.run(async (tx) => {
      await this.store.recordFailure(permitId, message, nextAttemptAfter(attempts, now), now, tx);
      await this.audit.record(
        {
          channel: 'internal',
          actor: SYSTEM,
          action: 'workspace.build',
          permitId,
          outcome: 'error',
          details: { attempt: attempts, reason: message },
        },
        tx,
      );
    });
  }
}
