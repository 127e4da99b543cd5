import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { copyCsvInto, CopyRowError } from '../../../database/copy-in';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { DomainError } from '../../../shared/errors';
import { Transaction } from '../../../shared/transaction';
import {
  CsvUpload,
  FlatDatasetStore,
  LoadedFile,
  RegistrationProgress,
} from '../application/flat-dataset-store.port';
import {
  DataDictionary,
  DictionaryVariable,
  headerProblems,
  TRUE_WORDS,
} from '../domain/data-dictionary';
import { ImportProblem } from '../domain/omop-import.rules';
import { CsvHeaderError, CsvUploadStream } from './csv-upload-stream';
import { sqlName, valueChecks } from './flat-value-sql';

/** The first problems of each kind that are reported; the count of the rest is given. */
const MAX_REPORTED = 50;
/** Progress is reported about this often while the file is read. */
const PROGRESS_BYTES = 4 * 1024 * 1024;

const STAGE = 'flat_stage';

const SQL_TYPE = {
  integer: 'integer',
  number: 'double precision',
  boolean: 'boolean',
  date: 'date',
  category: 'text',
} as const;

/** A staged cell with blanks trimmed, NULL when empty or NA. */
function cell(column: string): string {
  return `NULLIF(NULLIF(btrim(${sqlName(column)}, E' \\t'), ''), 'NA')`;
}

function cast(variable: DictionaryVariable, value: string): string {
  if (variable.type === 'boolean') {
    return `(lower(${value}) IN (${TRUE_WORDS.map((w) => `'${w}'`).join(', ')}))`;
  }
  return variable.type === 'category' ? value : `${value}::${SQL_TYPE[variable.type]}`;
}

/**
 * A file is staged as text in a temporary table numbered by line (COPY, so
 * Node only moves bytes), checked against its dictionary in one pass, and
 * only then cast into a new table that replaces datasets.<id> — all inside
 * the caller's transaction, so readers see the previous version until commit.
 */
@Injectable()
export class SqlFlatDatasetStore extends FlatDatasetStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async lock(id: string, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `SELECT pg_advisory_xact_lock(hashtext('dataset-registration'), hashtext($1))`,
      [id],
    );
  }

  async replace(
    id: string,
    dictionary: DataDictionary,
    file: CsvUpload,
    tx: Transaction,
    onProgress: (progress: RegistrationProgress) => void,
  ): Promise<LoadedFile> {
    const manager = managerOf(this.dataSource, tx);
    let reported = 0;
    const upload = new CsvUploadStream(file.content, (bytes) => {
      if (bytes - reported < PROGRESS_BYTES) return;
      reported = bytes;
      onProgress({ phase: 'load', bytes, totalBytes: file.bytes });
    });
    const header = await upload.header.catch((error: unknown) => {
      if (!(error instanceof CsvHeaderError)) throw error;
      throw refusal([{ file: file.name, line: 1, problem: `the header line ${error.message}` }]);
    });
    const wrongHeader = headerProblems(dictionary, file.name, header);
    if (wrongHeader.length > 0) throw refusal(wrongHeader);

    const columns = header.map(sqlName);
    await manager.query(
      `CREATE TEMP TABLE ${STAGE} (line bigint GENERATED ALWAYS AS IDENTITY (START WITH 2),
         ${columns.map((c) => `${c} text`).join(', ')}) ON COMMIT DROP`,
    );
    try {
      await copyCsvInto(manager, `${STAGE} (${columns.join(', ')})`, upload);
    } catch (error) {
      if (!(error instanceof CopyRowError)) throw error;
      throw refusal([
        { file: file.name, line: error.row + 1, problem: `is not valid CSV: ${error.reason}` },
      ]);
    }
    onProgress({ phase: 'load', bytes: upload.bytes, totalBytes: file.bytes });

    const { rows, problems } = await this.valueProblems(manager, dictionary, file.name);
    problems.push(...(await this.duplicates(manager, dictionary, file)));
    if (rows === 0) problems.push({ file: file.name, line: 2, problem: 'the file has no rows' });
    if (problems.length > 0) throw refusal(problems);
    onProgress({ phase: 'check', rows });

    await this.swapIn(manager, id, dictionary);
    onProgress({ phase: 'write', persons: rows });
    return { rows, bytes: upload.bytes, sha256: upload.sha256() };
  }

  /** One pass over the staged rows: for each column and kind of problem, the first line and how many. */
  private async valueProblems(
    manager: EntityManager,
    dictionary: DataDictionary,
    file: string,
  ): Promise<{ rows: number; problems: ImportProblem[] }> {
    const names = [dictionary.identifier.name, ...dictionary.variables.map((v) => v.name)];
    const { checks, values } = valueChecks(dictionary, (name) => `v_${name}`);
    // Each cell is trimmed once and each verdict computed once per row, then aggregated.
    const [row] = (await manager.query(
      `SELECT ${['count(*) AS rows', ...checks.map((_, i) => `min(line) FILTER (WHERE f${i}) AS l${i}, count(*) FILTER (WHERE f${i}) AS n${i}`)].join(', ')}
       FROM (SELECT ${['line', ...checks.map((c, i) => `(${c.failing}) AS f${i}`)].join(', ')}
         FROM (SELECT ${['line', ...names.map((n) => `${cell(n)} AS v_${n}`)].join(', ')} FROM ${STAGE}) cells
       ) verdicts`,
      values,
    )) as Record<string, string | null>[];
    const problems = checks.flatMap((check, i) => {
      const line = row![`l${i}`];
      if (line === null || line === undefined) return [];
      const rows = Number(row![`n${i}`]);
      return [
        {
          file,
          line: Number(line),
          column: check.column,
          problem: check.problem,
          ...(rows > 1 ? { rows } : {}),
        },
      ];
    });
    return { rows: Number(row!.rows), problems };
  }

  /** The first line that repeats an earlier line's person identifier, and how many do. */
  private async duplicates(
    manager: EntityManager,
    dictionary: DataDictionary,
    file: CsvUpload,
  ): Promise<ImportProblem[]> {
    const [duplicate] = (await manager.query(
      `SELECT line, first, count(*) OVER () AS rows FROM (
         SELECT line, min(line) OVER (PARTITION BY ${cell(dictionary.identifier.name)}) AS first
         FROM ${STAGE}) s
       WHERE line > first ORDER BY line LIMIT 1`,
    )) as { line: string; first: string; rows: string }[];
    if (!duplicate) return [];
    const rows = Number(duplicate.rows);
    return [
      {
        file: file.name,
        line: Number(duplicate.line),
        column: dictionary.identifier.name,
        problem: `repeats the person identifier of line ${duplicate.first}`,
        ...(rows > 1 ? { rows } : {}),
      },
    ];
  }

  /**
   * Numbers identifiers not seen before after those that were, builds the new
   * table under a name no dataset id can take, then drops the old table and
   * renames the new one: the old one is locked only for that last moment.
   */
  private async swapIn(
    manager: EntityManager,
    id: string,
    dictionary: DataDictionary,
  ): Promise<void> {
    const key = cell(dictionary.identifier.name);
    await manager.query(
      `INSERT INTO dataset_person_key (dataset_id, source_key, person_id)
       SELECT $1, key, base.n + row_number() OVER (ORDER BY line)
       FROM (SELECT line, ${key} AS key FROM ${STAGE}) s
       CROSS JOIN (SELECT coalesce(max(person_id), 0) AS n FROM dataset_person_key WHERE dataset_id = $1) base
       WHERE NOT EXISTS (SELECT 1 FROM dataset_person_key k WHERE k.dataset_id = $1 AND k.source_key = s.key)`,
      [id],
    );
    const next = `datasets.${sqlName(`next-${id}`)}`;
    const variables = dictionary.variables;
    await manager.query(
      `CREATE TABLE ${next} (person_id bigint NOT NULL,
         ${variables.map((v) => `${sqlName(v.name)} ${SQL_TYPE[v.type]}${v.missingAllowed ? '' : ' NOT NULL'}`).join(', ')})`,
    );
    await manager.query(
      `INSERT INTO ${next} (person_id, ${variables.map((v) => sqlName(v.name)).join(', ')})
       SELECT k.person_id, ${variables.map((v) => cast(v, `s.v_${v.name}`)).join(', ')}
       FROM (SELECT ${key} AS key, ${variables.map((v) => `${cell(v.name)} AS v_${v.name}`).join(', ')} FROM ${STAGE}) s
       JOIN dataset_person_key k ON k.dataset_id = $1 AND k.source_key = s.key`,
      [id],
    );
    await manager.query(`DROP TABLE IF EXISTS datasets.${sqlName(id)}`);
    await manager.query(`ALTER TABLE ${next} RENAME TO ${sqlName(id)}`);
    await manager.query(`ALTER TABLE datasets.${sqlName(id)} ADD PRIMARY KEY (person_id)`);
  }
}

function refusal(problems: ImportProblem[]): DomainError {
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const first = problems[0]!;
  const place = [first.file, first.line ? `line ${first.line}` : undefined, first.column]
    .filter(Boolean)
    .join(', ');
  return new DomainError(
    'DATASET.INVALID',
    `The registration was refused and nothing was changed: ${problems.length} problem(s), the first in ${place}: ${first.problem}`,
    { problems: problems.slice(0, MAX_REPORTED), totalProblems: problems.length },
  );
}
