import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { OmopTableName } from '../domain/omop-tables';
import { DatasetsService } from './datasets.service';
import { ImportProgress, OmopFile, OmopStore } from './omop-store.port';

/**
 * Replaces the node's OMOP data with a set of CSV files, all or nothing, and
 * rebuilds the datasets derived from it in the same transaction, with its
 * audit entry.
 */
@Injectable()
export class OmopImportService {
  constructor(
    private readonly store: OmopStore,
    private readonly datasets: DatasetsService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async import(
    files: readonly OmopFile[],
    onProgress: (progress: ImportProgress) => void = () => undefined,
  ): Promise<Record<OmopTableName, number>> {
    return this.unitOfWork.run(async (tx) => {
      const counts = await this.store.replaceAll(files, tx, onProgress);
      await this.datasets.refreshAll(tx, (d) =>
        onProgress({ phase: 'datasets', dataset: d.id, persons: d.personCount }),
      );
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'system' },
          action: 'data.import',
          outcome: 'success',
          details: { files: files.map((f) => f.name), rows: counts },
        },
        tx,
      );
      return counts;
    });
  }
}
