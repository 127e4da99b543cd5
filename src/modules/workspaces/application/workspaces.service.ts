import { Injectable } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { DomainError } from '../../../shared/errors';
import { quoteIdent } from '../../analysis/domain/sql';
import { WorkspaceTable } from '../../analysis/domain/analysis-kind';
import { Person, rolesAt } from '../../identity/domain/person';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { Transaction } from '../../../shared/transaction';
import { WorkspaceInventory, WorkspaceTableInfo } from '../domain/workspace';
import { Readiness, WorkspaceStore } from './workspace-store.port';

/** What the use stage needs of workspaces: this node's tables, and at the lead, every node's. */
@Injectable()
export class WorkspacesService {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly stages: PermitStagesService,
    private readonly node: NodeConfig,
  ) {}

  /** This node's workspace table of a permitted dataset. */
  async table(
    permitId: string,
    dataset: string,
  ): Promise<WorkspaceTable & { readonly info: WorkspaceTableInfo }> {
    const workspace = await this.store.get(permitId);
    if (workspace?.status === 'ARCHIVED' || workspace?.status === 'DESTROYED') {
      throw new DomainError(
        'PERMIT.NOT_ACTIVE',
        `The workspace of ${permitId} is ${workspace.status.toLowerCase()} here: no access`,
        { status: workspace.status },
      );
    }
    if (workspace?.status !== 'READY' || !workspace.schema) {
      throw new DomainError(
        'WORKSPACE.NOT_READY',
        `The workspace of ${permitId} is not ready here`,
      );
    }
    const info = workspace.tables.find((t) => t.dataset === dataset);
    if (!info) {
      throw new DomainError(
        'ANALYSIS.VARIABLE_NOT_PERMITTED',
        `Permit ${permitId} grants no dataset ${dataset} here`,
      );
    }
    return {
      sqlName: `${quoteIdent(workspace.schema)}.${quoteIdent(dataset)}`,
      columns: info.columns,
      info,
    };
  }

  /** Archive: the workspace becomes read-only; false when there was no READY workspace. */
  async archive(permitId: string, now: Date, tx: Transaction): Promise<boolean> {
    return this.store.archive(permitId, now, tx);
  }

  /** Destroy, first step: what the workspace holds now (tables, row counts, the secret's id). */
  async inventory(permitId: string, tx: Transaction): Promise<WorkspaceInventory> {
    return this.store.inventory(permitId, tx);
  }

  /** Destroy: drops the workspace's schema and deletes its pseudonym secret, within `tx`. */
  async destroy(permitId: string, now: Date, tx: Transaction): Promise<void> {
    await this.store.destroy(permitId, now, tx);
  }

  /** At the lead: the workspaces participants reported ready. */
  async readiness(permitId: string): Promise<Readiness[]> {
    return this.store.readiness(permitId);
  }

  /** How preparation stands, for this node's HDAB staff and the people the permit names. */
  async preparation(person: Person, permitId: string) {
    const { record, payload } = await this.stages.granted(permitId, { anyTime: true });
    const staff = rolesAt(person, this.node.id).some((r) => r !== 'researcher' && r !== 'auditor');
    const named = payload.users.some(
      (u) => u.issuer === person.issuer && u.subject === person.subject,
    );
    if (!staff && !named) {
      throw new DomainError('PERMIT.NOT_FOUND', `No permit ${permitId} for you at this node`);
    }
    const workspace = await this.store.get(permitId);
    const ready = payload.lead === this.node.id ? await this.store.readiness(permitId) : undefined;
    return {
      permitId,
      status: record.status,
      node: this.node.id,
      workspace: workspace && {
        status: workspace.status,
        attempts: workspace.attempts,
        lastError: workspace.lastError,
        nextAttemptAt: workspace.nextAttemptAt?.toISOString(),
        readyAt: workspace.readyAt?.toISOString(),
        tables: workspace.tables.map((t) => ({ dataset: t.dataset, columns: t.columns })),
      },
      ...(ready && {
        participants: payload.participants.map((node) => ({
          node,
          ready: ready.some((r) => r.node === node),
        })),
      }),
    };
  }
}
