import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { Transaction, UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { Dataset, DatasetDefinition } from '../domain/dataset';
import { DatasetStore } from './dataset-store.port';

@Injectable()
export class DatasetsService {
  constructor(
    private readonly store: DatasetStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Defines (or redefines) a dataset and builds it from the current source data. */
  async define(definition: DatasetDefinition): Promise<Dataset> {
    return this.unitOfWork.run(async (tx) => {
      const existing = (await this.store.list(tx)).find((d) => d.id === definition.id);
      if (existing && existing.origin.kind !== 'omop') {
        throw new DomainError(
          'DATASET.CONFLICT',
          `Dataset ${definition.id} is registered from a file; define this one under another id`,
        );
      }
      const now = this.clock.now();
      const personCount = await this.store.materialize(definition, tx);
      const { sql, ...description } = definition;
      const dataset: Dataset = {
        ...description,
        origin: { kind: 'omop', sql },
        personCount,
        definedAt: existing?.definedAt ?? now,
        refreshedAt: now,
      };
      await this.store.save(dataset, tx);
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'system' },
          action: 'dataset.define',
          outcome: 'success',
          details: { dataset: definition.id, variables: definition.variables.map((v) => v.name) },
        },
        tx,
      );
      return dataset;
    });
  }

  /** Rebuilds every dataset derived from the OMOP data, within the caller's transaction. */
  async refreshAll(
    tx: Transaction,
    onRefreshed: (dataset: Dataset) => void = () => undefined,
  ): Promise<void> {
    for (const dataset of await this.store.list(tx)) {
      if (dataset.origin.kind !== 'omop') continue;
      const personCount = await this.store.materialize({ ...dataset, sql: dataset.origin.sql }, tx);
      const refreshed = { ...dataset, personCount, refreshedAt: this.clock.now() };
      await this.store.save(refreshed, tx);
      onRefreshed(refreshed);
    }
  }

  list(): Promise<Dataset[]> {
    return this.store.list();
  }
}
