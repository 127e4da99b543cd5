import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { copyCsvInto } from '../../../database/copy-in';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { DomainError } from '../../../shared/errors';
import { Transaction } from '../../../shared/transaction';
import { ImportProgress, OmopFile, OmopStore } from '../application/omop-store.port';
import { expectation, ImportProblem } from '../domain/omop-import.rules';
import { DATE_PREFIX, dayExists, DECIMAL } from './sql-text-checks';
import {
  OMOP_TABLE_NAMES,
  OMOP_TABLES,
  OmopColumn,
  OmopTable,
  OmopTableName,
} from '../domain/omop-tables';

/** The first problems of each kind that are reported; the count of the rest is given. */
const MAX_REPORTED = 50;

const TIME = `'([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?)?$'`;

/** SQL that is true when the text value `c` fits the column's type (so it is safe to cast). */
function fits(column: OmopColumn, c: string): string {
  switch (column.type) {
    case 'bigint':
      return `${c} ~ '^[-+]?[0-9]{1,18}$'`;
    case 'integer':
      return `CASE WHEN ${c} ~ '^[-+]?[0-9]{1,10}$' THEN ${c}::bigint BETWEEN -2147483648 AND 2147483647 ELSE false END`;
    case 'numeric':
      return `${c} ~ ${DECIMAL}`;
    case 'date':
      return `CASE WHEN ${c} ~ (${DATE_PREFIX} || '$') THEN ${dayExists(c)} ELSE false END`;
    case 'timestamp':
      return `CASE WHEN ${c} ~ (${DATE_PREFIX} || ${TIME}) THEN ${dayExists(c)} ELSE false END`;
    case 'text':
      return `length(${c}) <= ${column.maxLength}`;
  }
}

function cast(column: OmopColumn): string {
  return column.type === 'text' ? column.name : `${column.name}::${column.type}`;
}

const staging = (table: OmopTableName) => `stage_${table}`;

@Injectable()
export class SqlOmopStore extends OmopStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async replaceAll(
    files: readonly OmopFile[],
    tx: Transaction,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<Record<OmopTableName, number>> {
    const manager = managerOf(this.dataSource, tx);
    for (const name of OMOP_TABLE_NAMES) {
      const columns = OMOP_TABLES[name].columns.map((c) => `${c.name} text`).join(', ');
      await manager.query(
        `CREATE TEMP TABLE ${staging(name)} (line bigint GENERATED ALWAYS AS IDENTITY (START WITH 2), ${columns}) ON COMMIT DROP`,
      );
    }
    for (const file of files) {
      onProgress({ phase: 'load', file: file.name });
      await copyCsvInto(manager, `${staging(file.table)} (${file.header.join(', ')})`, file.rows());
    }

    const counts = {} as Record<OmopTableName, number>;
    const problems: ImportProblem[] = [];
    const castable = new Set<OmopTableName>();
    for (const name of OMOP_TABLE_NAMES) {
      const file = files.find((f) => f.table === name);
      const fileName = file?.name ?? `${name}.csv`;
      const present = new Set(file?.header ?? []);
      const { rows, found } = await this.valueProblems(
        manager,
        OMOP_TABLES[name],
        fileName,
        present,
      );
      counts[name] = rows;
      problems.push(...found);
      if (found.length === 0) castable.add(name);
      if (file) onProgress({ phase: 'check', file: file.name, rows });
    }
    // Keys and references are compared as numbers, so only where every value is well-formed.
    for (const name of OMOP_TABLE_NAMES) {
      const table = OMOP_TABLES[name];
      if (!castable.has(name) || table.references.some((r) => !castable.has(r.table))) continue;
      const fileName = files.find((f) => f.table === name)?.name ?? `${name}.csv`;
      problems.push(...(await this.keyProblems(manager, table, fileName, files)));
    }
    problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
    if (problems.length > 0) {
      throw new DomainError(
        'IMPORT.INVALID',
        `The import was refused and nothing was changed: ${problems.length} problem(s), the first in ` +
          `${describe(problems[0]!)}`,
        { problems: problems.slice(0, MAX_REPORTED), totalProblems: problems.length },
      );
    }

    await manager.query(`TRUNCATE ${OMOP_TABLE_NAMES.map((n) => `omop.${n}`).join(', ')}`);
    for (const name of insertionOrder()) {
      const columns = OMOP_TABLES[name].columns;
      await manager.query(
        `INSERT INTO omop.${name} (${columns.map((c) => c.name).join(', ')})
         SELECT ${columns.map(cast).join(', ')} FROM ${staging(name)}`,
      );
      onProgress({ phase: 'write', table: name, rows: counts[name] });
    }
    return counts;
  }

  /** One pass over a staged table: for each column in the file, the first bad line and how many. */
  private async valueProblems(
    manager: EntityManager,
    table: OmopTable,
    file: string,
    present: ReadonlySet<string>,
  ) {
    const columns = table.columns.filter((c) => present.has(c.name));
    // Each column's verdict is computed once per row, then aggregated.
    const verdicts = columns.map((column, i) => {
      const bad = column.required
        ? `${column.name} IS NULL OR NOT (${fits(column, column.name)})`
        : `${column.name} IS NOT NULL AND NOT (${fits(column, column.name)})`;
      return `(${bad}) AS bad${i}`;
    });
    const aggregates = columns.flatMap((_, i) => [
      `min(line) FILTER (WHERE bad${i}) AS c${2 * i}`,
      `count(*) FILTER (WHERE bad${i}) AS c${2 * i + 1}`,
    ]);
    const [row] = (await manager.query(
      `SELECT ${['count(*) AS rows', ...aggregates].join(', ')}
       FROM (SELECT ${['line', ...verdicts].join(', ')} FROM ${staging(table.name)}) verdicts`,
    )) as Record<string, string | null>[];
    const found: ImportProblem[] = [];
    columns.forEach((column, i) => {
      const line = row![`c${2 * i}`];
      if (line === null || line === undefined) return;
      const rows = Number(row![`c${2 * i + 1}`]);
      found.push({
        file,
        line: Number(line),
        column: column.name,
        problem: column.required ? `is required and ${expectation(column)}` : expectation(column),
        ...(rows > 1 ? { rows } : {}),
      });
    });
    return { rows: Number(row!.rows), found };
  }

  /** Repeated primary keys and references to rows that are not in the import. */
  private async keyProblems(
    manager: EntityManager,
    table: OmopTable,
    file: string,
    files: readonly OmopFile[],
  ): Promise<ImportProblem[]> {
    const found: ImportProblem[] = [];
    const key = table.primaryKey;
    const [duplicate] = (await manager.query(
      `SELECT min(line) AS line, count(*) AS rows FROM (
         SELECT line, min(line) OVER (PARTITION BY ${key}::bigint) AS first FROM ${staging(table.name)}
       ) s WHERE line > first`,
    )) as { line: string | null; rows: string }[];
    if (duplicate?.line) {
      const rows = Number(duplicate.rows);
      found.push({
        file,
        line: Number(duplicate.line),
        column: key,
        problem: `repeats a ${key} of an earlier line`,
        ...(rows > 1 ? { rows } : {}),
      });
    }
    for (const reference of table.references) {
      const [broken] = (await manager.query(
        `SELECT min(s.line) AS line, count(*) AS rows FROM ${staging(table.name)} s
         WHERE s.${reference.column} IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM ${staging(reference.table)} t
           WHERE t.${reference.targetColumn}::bigint = s.${reference.column}::bigint)`,
      )) as { line: string | null; rows: string }[];
      if (broken?.line) {
        const target =
          files.find((f) => f.table === reference.table)?.name ?? `${reference.table}.csv`;
        const rows = Number(broken.rows);
        found.push({
          file,
          line: Number(broken.line),
          column: reference.column,
          problem: `refers to a ${reference.targetColumn} that is not in ${target}`,
          ...(rows > 1 ? { rows } : {}),
        });
      }
    }
    return found;
  }
}

/** Tables others refer to come first. */
function insertionOrder(): OmopTableName[] {
  const first: OmopTableName[] = ['person', 'visit_occurrence'];
  return [...first, ...OMOP_TABLE_NAMES.filter((n) => !first.includes(n))];
}

function describe(problem: ImportProblem): string {
  const place = [problem.file, problem.line ? `line ${problem.line}` : undefined, problem.column]
    .filter(Boolean)
    .join(', ');
  return `${place}: ${problem.problem}`;
}
