import {
  DataDictionary,
  DictionaryVariable,
  expectation,
  FALSE_WORDS,
  IDENTIFIER_MAX_LENGTH,
  MISSING_NOT_ALLOWED,
  TRUE_WORDS,
} from '../domain/data-dictionary';
import { DATE_PREFIX, dayExists, DECIMAL } from './sql-text-checks';

/** A name of ours as a quoted SQL identifier; only plain names (and a hyphen) are accepted. */
export function sqlName(name: string): string {
  if (!/^[a-z][a-z0-9_-]*$/.test(name)) throw new Error(`Not a plain SQL name: ${name}`);
  return `"${name}"`;
}

/** One kind of problem of one column: SQL true for a failing row, and the message. */
export interface ValueCheck {
  readonly column: string;
  readonly failing: string;
  readonly problem: string;
}

const words = (list: readonly string[]) => list.map((w) => `'${w}'`).join(', ');

/** SQL true when the trimmed, non-missing cell `c` holds a value of the variable's type. */
function fits(variable: DictionaryVariable, c: string, levels: string): string {
  switch (variable.type) {
    case 'integer':
      return `CASE WHEN ${c} ~ '^[-+]?[0-9]{1,10}$' THEN ${c}::bigint BETWEEN -2147483648 AND 2147483647 ELSE false END`;
    case 'number':
      // Within double precision's normal range, so the cast neither overflows nor underflows.
      return `CASE WHEN ${c} ~ ${DECIMAL} THEN ${c}::numeric = 0 OR abs(${c}::numeric) BETWEEN 1e-307 AND 1e308 ELSE false END`;
    case 'boolean':
      return `lower(${c}) IN (${words([...TRUE_WORDS, ...FALSE_WORDS])})`;
    case 'date':
      return `CASE WHEN ${c} ~ (${DATE_PREFIX} || '$') THEN ${dayExists(c)} ELSE false END`;
    case 'category':
      return `${c} = ANY (${levels})`;
  }
}

/**
 * Every check of a dictionary's columns over cells already trimmed and
 * turned NULL when missing (`cell(name)` names each), and the values the
 * checks bind (each category's levels).
 */
export function valueChecks(
  dictionary: DataDictionary,
  cell: (name: string) => string,
): { checks: ValueCheck[]; values: unknown[] } {
  const values: unknown[] = [];
  const id = dictionary.identifier.name;
  const checks: ValueCheck[] = [
    {
      column: id,
      failing: `${cell(id)} IS NULL`,
      problem: 'is required: a person identifier cannot be missing',
    },
    {
      column: id,
      failing: `length(${cell(id)}) > ${IDENTIFIER_MAX_LENGTH}`,
      problem: `must be at most ${IDENTIFIER_MAX_LENGTH} characters`,
    },
  ];
  for (const variable of dictionary.variables) {
    const c = cell(variable.name);
    if (!variable.missingAllowed) {
      checks.push({ column: variable.name, failing: `${c} IS NULL`, problem: MISSING_NOT_ALLOWED });
    }
    let levels = '';
    if (variable.levels) {
      values.push(variable.levels);
      levels = `$${values.length}::text[]`;
    }
    checks.push({
      column: variable.name,
      failing: `${c} IS NOT NULL AND NOT (${fits(variable, c, levels)})`,
      problem: expectation(variable),
    });
  }
  return { checks, values };
}
