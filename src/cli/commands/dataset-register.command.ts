import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { RegistrationProgress } from '../../modules/catalogue/application/flat-dataset-store.port';
import {
  DictionaryBody,
  dictionaryBodySchema,
  parseDataDictionary,
} from '../../modules/catalogue/transport/data-dictionary.schema';
import {
  datasetIdSchema,
  datasetVersionSchema,
} from '../../modules/catalogue/transport/dataset-registration.schemas';
import { z } from 'zod';
import { parseInput } from '../../shared/validation';
import { Command, UsageError } from '../command';
import { withNodeData } from '../node-data';
import { Progress } from '../progress';

export const datasetRegisterCommand: Command = {
  name: 'dataset register',
  summary: 'Register a person-level CSV file with its data dictionary as a dataset',
  help: `Usage: spe dataset register --csv FILE --dictionary FILE [--id ID] [--version VERSION]
                            [--title TEXT] [--description TEXT] [--keywords A,B,…]

Registers FILE (comma-separated, a header row, one row per person) as a
dataset of the node configured by the environment (NODE_ID, DATABASE_URL or
DATA_DIR), so it is published in the catalogue and can be asked for in
applications like any other.

--dictionary  the data dictionary, JSON (.json: title, description, keywords
              and variables) or CSV (.csv: one row per column with name, type,
              description, unit, levels separated by |, missing_allowed yes/no;
              then --title and --description are required). Exactly one
              column has type identifier: the person identifier. The others
              have type integer, number, boolean, date (YYYY-MM-DD) or
              category (with its levels). See datasets/examples/.
--id          the dataset's id (default: the CSV file's name, e.g. registry)
--version     the version being registered (default: 1 for a new dataset, the
              next whole number otherwise); a version cannot be registered twice
--title, --description, --keywords
              override the JSON dictionary's

Every column, value and identifier is checked first; any problem is reported
with its file, line and column, and nothing changes. Empty cells and NA are
missing values, accepted only where the dictionary allows them. The previous
version stays in use until the new one is complete, then is replaced at once.
An embedded database must not be in use by a running node.`,
  options: {
    csv: { type: 'string' },
    dictionary: { type: 'string' },
    id: { type: 'string' },
    version: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    keywords: { type: 'string' },
  },
  async run(values) {
    if (!values.csv) throw new UsageError('--csv: the CSV file is required');
    if (!values.dictionary) throw new UsageError('--dictionary: the data dictionary is required');
    const csv = resolve(String(values.csv));
    const bytes = sizeOf(csv);
    const dictionaryFile = String(values.dictionary);
    const dictionary = parseDataDictionary(
      parseInput(
        dictionaryBodySchema,
        { ...readDictionary(dictionaryFile), ...overrides(values) },
        'data dictionary',
      ),
      basename(dictionaryFile),
    );
    const id = option(
      datasetIdSchema,
      values.id ?? basename(csv, extname(csv)).toLowerCase(),
      values.id === undefined ? '--id (by default the CSV file name)' : '--id',
    );
    const version =
      values.version === undefined
        ? undefined
        : option(datasetVersionSchema, values.version, '--version');

    const progress = new Progress();
    const started = Date.now();
    const registered = await withNodeData(process.env, ({ registrar }) =>
      registrar.register(
        {
          id,
          version,
          dictionary,
          file: { name: basename(csv), content: createReadStream(csv), bytes },
        },
        { channel: 'internal', actor: { kind: 'system' } },
        (p) => report(progress, basename(csv), p),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const { dataset } = registered;
    process.stdout.write(
      `Registered dataset ${dataset.id} version ${dataset.version}` +
        (registered.previousVersion ? ` (replacing version ${registered.previousVersion})` : '') +
        `: ${dataset.personCount} persons, ${dataset.variables.length} variables, in ${seconds.toFixed(1)} s.\n`,
    );
    return 0;
  },
};

function option(schema: z.ZodType<string>, value: unknown, what: string): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(`${what}: ${parsed.error.issues[0]!.message}`);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    throw new UsageError(`--csv: cannot read ${path}`);
  }
}

function readDictionary(path: string): DictionaryBody {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--dictionary: cannot read ${path}`);
  }
  if (extname(path).toLowerCase() === '.csv') return { dictionaryCsv: text };
  try {
    return JSON.parse(text) as DictionaryBody;
  } catch (error) {
    throw new UsageError(`--dictionary: ${path} is not JSON: ${(error as Error).message}`);
  }
}

function overrides(values: Record<string, unknown>): Partial<DictionaryBody> {
  return {
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    ...(values.keywords !== undefined
      ? {
          keywords: String(values.keywords)
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
        }
      : {}),
  };
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} kB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function report(progress: Progress, file: string, p: RegistrationProgress): void {
  switch (p.phase) {
    case 'load': {
      const total = p.totalBytes ? ` of ${size(p.totalBytes)}` : '';
      const percent = p.totalBytes ? ` (${Math.floor((100 * p.bytes) / p.totalBytes)}%)` : '';
      if (p.totalBytes && p.bytes >= p.totalBytes)
        progress.step(`Loaded ${file}: ${size(p.bytes)}`);
      else progress.update(`Loading ${file}: ${size(p.bytes)}${total}${percent}`);
      return;
    }
    case 'check':
      return progress.step(`Checked ${p.rows} rows against the dictionary`);
    case 'write':
      return progress.step(`Wrote the dataset: ${p.persons} persons`);
  }
}
