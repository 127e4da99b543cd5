import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from '../config/load-config';
import { Database } from '../database/database';
import { TypeOrmUnitOfWork } from '../database/typeorm-unit-of-work';
import { AuditService } from '../modules/audit/application/audit.service';
import { TypeOrmAuditLog } from '../modules/audit/infrastructure/typeorm-audit-log';
import { DatasetsService } from '../modules/catalogue/application/datasets.service';
import { OmopImportService } from '../modules/catalogue/application/omop-import.service';
import { RegisterDatasetService } from '../modules/catalogue/application/register-dataset.service';
import { SqlDatasetStore } from '../modules/catalogue/infrastructure/sql-dataset-store';
import { SqlDictionaryDrafts } from '../modules/catalogue/infrastructure/sql-dictionary-drafts';
import { SqlFlatDatasetStore } from '../modules/catalogue/infrastructure/sql-flat-dataset-store';
import { SqlOmopStore } from '../modules/catalogue/infrastructure/sql-omop-store';
import { SystemClock } from '../shared/clock';
import { UsageError } from './command';

export interface NodeData {
  readonly importer: OmopImportService;
  readonly datasets: DatasetsService;
  readonly registrar: RegisterDatasetService;
  readonly personCount: () => Promise<number>;
}

/**
 * The node's data services, wired on its database directly, for operator
 * commands. An embedded database must not be in use by a running node.
 */
export async function withNodeData<T>(
  env: NodeJS.ProcessEnv,
  work: (data: NodeData) => Promise<T>,
): Promise<T> {
  const database = await Database.open(loadDatabaseConfig(env));
  try {
    if (await database.pendingMigrations()) {
      throw new UsageError('The database has pending migrations: run "spe db migrate" first');
    }
    return await work(nodeDataOn(database.dataSource));
  } finally {
    await database.close();
  }
}

/** The data services over an open, migrated database. */
export function nodeDataOn(dataSource: DataSource): NodeData {
  const clock = new SystemClock();
  const audit = new AuditService(new TypeOrmAuditLog(dataSource), clock);
  const unitOfWork = new TypeOrmUnitOfWork(dataSource);
  const store = new SqlDatasetStore(dataSource);
  const datasets = new DatasetsService(store, unitOfWork, audit, clock);
  const registrar = new RegisterDatasetService(
    new SqlFlatDatasetStore(dataSource),
    store,
    new SqlDictionaryDrafts(dataSource),
    unitOfWork,
    audit,
    clock,
  );
  const importer = new OmopImportService(new SqlOmopStore(dataSource), datasets, unitOfWork, audit);
  const personCount = async () => {
    const [row] = (await dataSource.query(`SELECT count(*) AS n FROM omop.person`)) as {
      n: string;
    }[];
    return Number(row!.n);
  };
  return { importer, datasets, registrar, personCount };
}
