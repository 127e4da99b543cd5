import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../../shared/errors';
import { OmopFile } from '../application/omop-store.port';
import { headerProblems, ImportProblem } from '../domain/omop-import.rules';
import { OMOP_TABLE_NAMES, OmopTableName } from '../domain/omop-tables';
import { csvRowsAfterHeader, readCsvHeader } from './csv-file';

/**
 * The OMOP CSV files of a folder, one per table, named <table>.csv, with
 * checked headers. person.csv is required; a missing table imports empty.
 */
export async function omopFilesIn(folder: string): Promise<OmopFile[]> {
  if (!existsSync(folder)) throw new DomainError('IMPORT.INVALID', `No folder ${folder}`);
  const names = readdirSync(folder).filter((n) => n.toLowerCase().endsWith('.csv'));
  const problems: ImportProblem[] = [];
  const files: OmopFile[] = [];
  for (const name of names) {
    const table = name.slice(0, -4).toLowerCase();
    if (!(OMOP_TABLE_NAMES as readonly string[]).includes(table)) {
      problems.push({
        file: name,
        problem: `not one of the imported tables (${OMOP_TABLE_NAMES.join(', ')})`,
      });
      continue;
    }
    const path = join(folder, name);
    const header = await readCsvHeader(path);
    problems.push(...headerProblems(table as OmopTableName, name, header));
    files.push({
      table: table as OmopTableName,
      name,
      header,
      rows: () => csvRowsAfterHeader(path),
    });
  }
  if (!files.some((f) => f.table === 'person'))
    problems.push({ file: 'person.csv', problem: 'is required' });
  if (problems.length > 0) {
    throw new DomainError(
      'IMPORT.INVALID',
      `The import was refused and nothing was changed: ${problems.length} problem(s) in the files`,
      {
        problems,
        totalProblems: problems.length,
      },
    );
  }
  return files;
}
