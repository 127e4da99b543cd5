import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { DomainError } from '../../../shared/errors';
import { Transaction } from '../../../shared/transaction';
import { DatasetStore } from '../application/dataset-store.port';
import {
  Dataset,
  DatasetDefinition,
  DatasetOrigin,
  DatasetOriginKind,
  DatasetVariable,
  VariableType,
} from '../domain/dataset';

const SQL_TYPE: Record<VariableType, string> = {
  integer: 'integer',
  number: 'double precision',
  boolean: 'boolean',
  date: 'date',
  category: 'text',
};

interface DatasetRow {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  origin: DatasetOriginKind;
  /** The SQL of a dataset derived from the OMOP data. */
  definition: string | null;
  /** Where a registered file came from. */
  source: Omit<Extract<DatasetOrigin, { kind: 'csv' }>, 'kind'> | null;
  version: string | null;
  variables: DatasetVariable[];
  person_count: string;
  defined_at: Date;
  refreshed_at: Date;
}

/**
 * Datasets live as tables datasets.<id> (person_id and one column per
 * variable); those derived from the OMOP data are built by CREATE TABLE AS
 * from the HDAB's SQL inside the database. The register is the `dataset` table.
 */
@Injectable()
export class SqlDatasetStore extends DatasetStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async materialize(definition: DatasetDefinition, tx: Transaction): Promise<number> {
    const manager = managerOf(this.dataSource, tx);
    const next = `datasets.${definition.id}__next`;
    const columns = definition.variables
      .map((v) => `(source.${v.name})::${SQL_TYPE[v.type]} AS ${v.name}`)
      .join(', ');
    await manager.query(`DROP TABLE IF EXISTS ${next}`);
    try {
      await manager.query(
        `CREATE TABLE ${next} AS SELECT (source.person_id)::bigint AS person_id, ${columns}
         FROM (${definition.sql}) AS source`,
      );
    } catch (error) {
      throw new DomainError(
        'DATASET.INVALID',
        `The SQL of dataset ${definition.id} failed: ${(error as Error).message}`,
      );
    }
    const categories = definition.variables.filter((v) => v.type === 'category');
    const [check] = (await manager.query(
      `SELECT count(*) AS rows, count(DISTINCT person_id) AS persons,
              count(*) FILTER (WHERE person_id IS NULL) AS no_person
              ${categories.map((v, i) => `, count(*) FILTER (WHERE ${v.name} <> ALL ($${i + 1}::text[])) AS bad_${i}`).join('')}
       FROM ${next}`,
      categories.map((v) => v.levels ?? []),
    )) as Record<string, string>[];
    const problems: string[] = [];
    if (Number(check!.no_person) > 0) problems.push('some rows have no person_id');
    if (check!.rows !== check!.persons) problems.push('some persons have more than one row');
    categories.forEach((v, i) => {
      if (Number(check![`bad_${i}`]) > 0) problems.push(`${v.name} has values outside its levels`);
    });
    if (problems.length > 0) {
      throw new DomainError('DATASET.INVALID', `Dataset ${definition.id}: ${problems.join('; ')}`, {
        problems,
      });
    }
    await manager.query(`DROP TABLE IF EXISTS datasets.${definition.id}`);
    await manager.query(`ALTER TABLE ${next} RENAME TO ${definition.id}`);
    await manager.query(`ALTER TABLE datasets.${definition.id} ADD PRIMARY KEY (person_id)`);
    return Number(check!.persons);
  }

  async save(dataset: Dataset, tx: Transaction): Promise<void> {
    const { kind, ...source } = dataset.origin;
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO dataset (id, title, description, keywords, definition, variables, person_count, defined_at, refreshed_at,
         origin, source, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET title = $2, description = $3, keywords = $4, definition = $5,
         variables = $6, person_count = $7, refreshed_at = $9, origin = $10, source = $11, version = $12`,
      [
        dataset.id,
        dataset.title,
        dataset.description,
        JSON.stringify(dataset.keywords),
        'sql' in source ? source.sql : null,
        JSON.stringify(dataset.variables),
        dataset.personCount,
        dataset.definedAt,
        dataset.refreshedAt,
        kind,
        'sql' in source ? null : JSON.stringify(source),
        dataset.version ?? null,
      ],
    );
  }

  async list(tx?: Transaction): Promise<Dataset[]> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `SELECT * FROM dataset ORDER BY id`,
    )) as DatasetRow[];
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      keywords: r.keywords,
      variables: r.variables,
      origin:
        r.origin === 'csv' ? { kind: 'csv', ...r.source! } : { kind: 'omop', sql: r.definition! },
      ...(r.version !== null ? { version: r.version } : {}),
      personCount: Number(r.person_count),
      definedAt: r.defined_at,
      refreshedAt: r.refreshed_at,
    }));
  }
}
