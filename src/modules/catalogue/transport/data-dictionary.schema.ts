import { z } from 'zod';
import { DomainError } from '../../../shared/errors';
import {
  DataDictionary,
  FALSE_WORDS,
  MISSING_VALUES,
  NAME_PATTERN,
  TRUE_WORDS,
} from '../domain/data-dictionary';
import { VARIABLE_TYPES } from '../domain/dataset';
import { csvRecords } from './csv-records';

const name = z
  .string()
  .regex(NAME_PATTERN, 'must be 1-40 lower-case letters, digits or _, starting with a letter');

/** Column names the dataset's table and its workspaces use themselves. */
const RESERVED = ['person_id', 'pseudonym'];

const level = z
  .string()
  .min(1)
  .max(100)
  .refine((l) => l === l.trim(), 'must not start or end with blanks')
  .refine((l) => !(MISSING_VALUES as readonly string[]).includes(l), 'means a missing value');

const entry = z
  .strictObject({
    name,
    type: z.enum([...VARIABLE_TYPES, 'identifier']),
    description: z.string().min(1).max(1000),
    unit: z.string().min(1).max(40).optional(),
    levels: z.array(level).min(1).max(100).optional(),
    missingAllowed: z.boolean().optional(),
  })
  .superRefine((e, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (e.type === 'category' && !e.levels) problem('levels', 'a category needs its levels');
    if (e.type !== 'category' && e.levels) problem('levels', 'only a category has levels');
    if (e.levels && new Set(e.levels).size !== e.levels.length)
      problem('levels', 'must not repeat a level');
    if (e.type === 'identifier') {
      if (e.missingAllowed) problem('missingAllowed', 'the person identifier is always required');
      if (e.unit) problem('unit', 'the person identifier has no unit');
    } else if (RESERVED.includes(e.name)) {
      problem('name', `${e.name} is reserved; only the person identifier column may be so named`);
    }
  });

const dictionarySchema = z.strictObject({
  title: z.string().min(1).max(200),
  description: z.string().min(1).max(5000),
  keywords: z.array(z.string().min(1).max(60)).max(30).default([]),
  variables: z
    .array(entry)
    .min(2, 'needs the person identifier and at least one variable')
    .max(501)
    .superRefine((entries, ctx) => {
      const names = entries.map((e) => e.name);
      names.forEach((n, i) => {
        if (names.indexOf(n) !== i)
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'repeats an earlier name' });
      });
      const identifiers = entries.filter((e) => e.type === 'identifier').length;
      if (identifiers !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: `exactly one column must have type identifier (the person identifier), not ${identifiers}`,
        });
      }
    }),
});

/** The dictionary as an HDAB writes it: the JSON file, and the REST body with either form. */
export const dictionaryBodySchema = z
  .strictObject({
    title: z.unknown().optional(),
    description: z.unknown().optional(),
    keywords: z.unknown().optional(),
    /** The JSON form of the columns. */
    variables: z.array(z.unknown()).max(501).optional(),
    /** The CSV form of the columns, as text. */
    dictionaryCsv: z.string().max(1_000_000).optional(),
  })
  .refine((b) => (b.variables === undefined) !== (b.dictionaryCsv === undefined), {
    message: 'give the columns either as variables (JSON) or as dictionaryCsv (CSV text)',
  });

export type DictionaryBody = z.infer<typeof dictionaryBodySchema>;

/** The columns of the CSV form, and the JSON field each one fills. */
const CSV_COLUMNS: Record<string, string> = {
  name: 'name',
  type: 'type',
  description: 'description',
  unit: 'unit',
  levels: 'levels',
  missing_allowed: 'missingAllowed',
};
const REQUIRED_CSV_COLUMNS = ['name', 'type', 'description'];

interface Problem {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
  readonly path?: string;
  readonly problem: string;
}

/**
 * The data dictionary from its JSON form (`variables`) or its CSV form
 * (`dictionaryCsv`: one row per column with name, type, description, unit,
 * levels separated by |, missing_allowed yes/no). Every problem is named by
 * path, or in the CSV form by line and column; throws DATASET.DICTIONARY_INVALID.
 */
export function parseDataDictionary(body: DictionaryBody, file: string): DataDictionary {
  const problems: Problem[] = [];
  let variables: unknown[] = body.variables ?? [];
  let lines: number[] | undefined;
  if (body.dictionaryCsv !== undefined) {
    const csv = entriesFromCsv(body.dictionaryCsv, file, problems);
    variables = csv.entries;
    lines = csv.lines;
  }
  const parsed = dictionarySchema.safeParse({
    title: body.title,
    description: body.description,
    keywords: body.keywords,
    variables,
  });
  if (parsed.success && problems.length === 0) {
    const identifier = parsed.data.variables.find((v) => v.type === 'identifier')!;
    return {
      title: parsed.data.title,
      description: parsed.data.description,
      keywords: parsed.data.keywords,
      identifier: { name: identifier.name, description: identifier.description },
      variables: parsed.data.variables.flatMap(({ type, missingAllowed, ...v }) =>
        type === 'identifier' ? [] : [{ ...v, type, missingAllowed: missingAllowed ?? false }],
      ),
    };
  }
  for (const issue of parsed.error?.issues ?? []) {
    const [field, index, key] = issue.path;
    const message = /received undefined$/.test(issue.message) ? 'is missing' : issue.message;
    if (lines && field === 'variables' && typeof index === 'number') {
      const column = Object.keys(CSV_COLUMNS).find((c) => CSV_COLUMNS[c] === key);
      problems.push({ file, line: lines[index], ...(column ? { column } : {}), problem: message });
    } else {
      problems.push({ file, path: issue.path.join('.') || '(the dictionary)', problem: message });
    }
  }
  throw new DomainError(
    'DATASET.DICTIONARY_INVALID',
    `The data dictionary ${file} was refused: ${problems.length} problem(s)`,
    { problems, totalProblems: problems.length },
  );
}

function entriesFromCsv(text: string, file: string, problems: Problem[]) {
  let records;
  try {
    records = csvRecords(text);
  } catch (error) {
    problems.push({ file, problem: (error as Error).message });
    return { entries: [], lines: [] };
  }
  const [head, ...rows] = records;
  const header = (head?.fields ?? []).map((c) => c.trim().toLowerCase());
  header.forEach((c) => {
    if (!Object.hasOwn(CSV_COLUMNS, c))
      problems.push({ file, line: 1, column: c, problem: 'is not a dictionary column' });
  });
  for (const c of REQUIRED_CSV_COLUMNS) {
    if (!header.includes(c)) problems.push({ file, line: 1, column: c, problem: 'is missing' });
  }
  const entries = rows.map(({ line, fields }) => {
    if (fields.length !== header.length) {
      problems.push({ file, line, problem: `has ${fields.length} fields, not ${header.length}` });
    }
    const entry: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const value = fields[i]?.trim() ?? '';
      const key = CSV_COLUMNS[column];
      if (value === '' || !key) return;
      if (key === 'levels') entry.levels = value.split('|').map((l) => l.trim());
      else if (key === 'missingAllowed') {
        const word = value.toLowerCase();
        if ((TRUE_WORDS as readonly string[]).includes(word)) entry.missingAllowed = true;
        else if ((FALSE_WORDS as readonly string[]).includes(word)) entry.missingAllowed = false;
        else problems.push({ file, line, column, problem: 'must be yes or no' });
      } else entry[key] = value;
    });
    return entry;
  });
  return { entries, lines: rows.map((r) => r.line) };
}
