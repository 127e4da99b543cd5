import { DomainError } from '../../../shared/errors';
import { Dataset, DatasetVariable, VariableType } from './dataset';
import { ImportProblem } from './omop-import.rules';

/** A cell means "missing" when, with surrounding blanks removed, it is one of these. */
export const MISSING_VALUES = ['', 'NA'] as const;

/** Person identifiers in a registered file are text of at most this many characters. */
export const IDENTIFIER_MAX_LENGTH = 128;

/** A dataset id, a variable name and a column name: a plain SQL identifier. */
export const NAME_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** A version label, also used in URLs. */
export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The words a boolean cell may hold, in any case. */
export const TRUE_WORDS = ['true', 'yes', '1'] as const;
export const FALSE_WORDS = ['false', 'no', '0'] as const;

export interface DictionaryVariable {
  readonly name: string;
  readonly type: VariableType;
  readonly description: string;
  readonly unit?: string;
  readonly levels?: readonly string[];
  /** An empty cell or NA is accepted and stored as missing (SQL NULL). */
  readonly missingAllowed: boolean;
}

/** What the HDAB says of a person-level file: the dataset's description and every column. */
export interface DataDictionary {
  readonly title: string;
  readonly description: string;
  readonly keywords: readonly string[];
  /** The column that identifies persons: required, unique, never published. */
  readonly identifier: { readonly name: string; readonly description: string };
  readonly variables: readonly DictionaryVariable[];
}

/** The variables as the catalogue publishes them. */
export function datasetVariables(dictionary: DataDictionary): DatasetVariable[] {
  return dictionary.variables.map((v) => ({
    name: v.name,
    type: v.type,
    description: v.description,
    ...(v.unit !== undefined ? { unit: v.unit } : {}),
    ...(v.levels !== undefined ? { levels: [...v.levels] } : {}),
    ...(v.missingAllowed ? {} : { required: true }),
  }));
}

/** Problems with a file's header: unknown, repeated and missing columns. */
export function headerProblems(
  dictionary: DataDictionary,
  file: string,
  header: readonly string[],
): ImportProblem[] {
  const known = new Set([dictionary.identifier.name, ...dictionary.variables.map((v) => v.name)]);
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    const column = name === '' ? `column ${i + 1}` : name;
    if (seen.has(name)) problems.push({ file, line: 1, column, problem: 'column appears twice' });
    else if (!known.has(name))
      problems.push({ file, line: 1, column, problem: 'is not in the data dictionary' });
    seen.add(name);
  });
  for (const name of known) {
    if (!seen.has(name)) {
      const what = name === dictionary.identifier.name ? 'person identifier' : 'dictionary';
      problems.push({ file, line: 1, column: name, problem: `${what} column is missing` });
    }
  }
  return problems;
}

/** What a value of the variable must be, in words, for error messages. */
export function expectation(variable: DictionaryVariable): string {
  switch (variable.type) {
    case 'integer':
      return 'must be a whole number from -2147483648 to 2147483647';
    case 'number':
      return 'must be a number';
    case 'boolean':
      return `must be one of ${[...TRUE_WORDS, ...FALSE_WORDS].join(', ')}`;
    case 'date':
      return 'must be a date YYYY-MM-DD';
    case 'category':
      return `must be one of its levels (${variable.levels!.join(', ')})`;
  }
}

export const MISSING_NOT_ALLOWED = 'is required: the dictionary does not allow missing values';

/**
 * The version a registration gets when none is given: 1 for a new dataset,
 * the next whole number after a whole-number version.
 */
export function defaultVersion(current: Pick<Dataset, 'id' | 'version'> | undefined): string {
  if (!current) return '1';
  if (current.version !== undefined && /^[0-9]{1,9}$/.test(current.version)) {
    return String(Number(current.version) + 1);
  }
  throw new DomainError(
    'DATASET.CONFLICT',
    `Dataset ${current.id} exists${current.version ? ` at version ${current.version}` : ''}: name the new version`,
  );
}

/**
 * Why `id` at `version` cannot be registered over the current dataset, if
 * it cannot: a dataset derived from the OMOP data keeps its id, and a
 * version names one content.
 */
export function registrationConflict(
  id: string,
  version: string,
  current: Pick<Dataset, 'origin' | 'version'> | undefined,
): DomainError | undefined {
  if (current?.origin.kind === 'omop') {
    return new DomainError(
      'DATASET.CONFLICT',
      `Dataset ${id} is derived from the OMOP data; register the file under another id`,
    );
  }
  if (current?.version === version) {
    return new DomainError(
      'DATASET.CONFLICT',
      `Dataset ${id} is already registered at version ${version}; give a new version`,
    );
  }
  return undefined;
}
