import { OMOP_TABLES, OmopColumn, OmopTableName } from './omop-tables';

/** One thing wrong with an import, placed as precisely as it can be. */
export interface ImportProblem {
  readonly file: string;
  /** 1-based line of the file (the header is line 1). */
  readonly line?: number;
  readonly column?: string;
  readonly problem: string;
  /** How many rows have the same problem, when more than one. */
  readonly rows?: number;
}

/** Problems with a file's header: unknown, repeated and missing required columns. */
export function headerProblems(
  table: OmopTableName,
  file: string,
  header: readonly string[],
): ImportProblem[] {
  const known = new Map(OMOP_TABLES[table].columns.map((c) => [c.name, c]));
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name))
      problems.push({ file, line: 1, column: name, problem: 'column appears twice' });
    else if (!known.has(name))
      problems.push({ file, line: 1, column: name, problem: `not a column of OMOP ${table}` });
    seen.add(name);
  }
  for (const column of OMOP_TABLES[table].columns) {
    if (column.required && !seen.has(column.name)) {
      problems.push({ file, line: 1, column: column.name, problem: 'required column is missing' });
    }
  }
  return problems;
}

/** What a value of the column must look like, in words, for error messages. */
export function expectation(column: OmopColumn): string {
  switch (column.type) {
    case 'bigint':
    case 'integer':
      return 'must be a whole number';
    case 'numeric':
      return 'must be a number';
    case 'date':
      return 'must be a date YYYY-MM-DD';
    case 'timestamp':
      return 'must be a date and time YYYY-MM-DD HH:MM[:SS]';
    case 'text':
      return `must be at most ${column.maxLength} characters`;
  }
}
