import { Readable } from 'node:stream';
import { nodeDataOn, NodeData } from '../../src/cli/node-data';
import { Database } from '../../src/database/database';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { TypeOrmAuditLog } from '../../src/modules/audit/infrastructure/typeorm-audit-log';
import { DataDictionary } from '../../src/modules/catalogue/domain/data-dictionary';
import { publish } from '../../src/modules/catalogue/domain/dataset';
import { parseDataDictionary } from '../../src/modules/catalogue/transport/data-dictionary.schema';
import { SystemClock } from '../../src/shared/clock';
import { DomainError } from '../../src/shared/errors';
import { createTestDatabase, TEST_DATABASE_URL, TestDatabase } from '../support/test-database';

const DICTIONARY: DataDictionary = parseDataDictionary(
  {
    title: 'Test registry',
    description: 'One row per person, every variable type.',
    keywords: ['test'],
    variables: [
      { name: 'pid', type: 'identifier', description: 'Registry number' },
      { name: 'age', type: 'integer', description: 'Age', unit: 'years' },
      { name: 'weight', type: 'number', description: 'Weight', unit: 'kg', missingAllowed: true },
      { name: 'smoker', type: 'boolean', description: 'Smokes', missingAllowed: true },
      { name: 'seen', type: 'date', description: 'First seen' },
      { name: 'stage', type: 'category', description: 'Stage', levels: ['I', 'II', 'III'] },
      {
        name: 'site',
        type: 'category',
        description: 'Site',
        levels: ['north', 'south'],
        missingAllowed: true,
      },
    ],
  },
  'dictionary.json',
);

const HEADER = 'pid,age,weight,smoker,seen,stage,site';
const GOOD = [
  HEADER,
  'A-1,34,71.5,yes,2020-02-29,I,north',
  'A-2, 58 ,NA,No,2021-12-31,II,',
  '"A-3",71,,TRUE,1999-01-01,III,"south"',
  'A-4,-3,1e2,0,2000-06-15,I,NA',
].join('\n');

const system = { channel: 'internal', actor: { kind: 'system' } } as const;

describe('registering a person-level CSV file with its data dictionary', () => {
  let testDb: TestDatabase;
  let database: Database;
  let data: NodeData;

  beforeAll(async () => {
    testDb = await createTestDatabase('flat');
    database = await Database.open(testDb.config);
    await database.migrate();
    data = nodeDataOn(database.dataSource);
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    database.dataSource.query(sql, params) as Promise<T[]>;
  const file = (text: string, name = 'registry.csv') => ({
    name,
    content: Readable.from([Buffer.from(text)]),
  });
  const register = (
    id: string,
    text: string,
    options: { version?: string; dictionary?: DataDictionary; name?: string } = {},
  ) =>
    data.registrar.register(
      {
        id,
        version: options.version,
        dictionary: options.dictionary ?? DICTIONARY,
        file: file(text, options.name),
      },
      system,
    );
  const refusal = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('the registration was expected to be refused');
  };
  const registrations = async () =>
    (
      await new AuditService(new TypeOrmAuditLog(database.dataSource), new SystemClock()).query({
        action: 'dataset.register',
      })
    ).length;
  const tableExists = async (name: string) =>
    (await q<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [`datasets."${name}"`]))[0]!
      .t !== null;
  const rowsOf = (id: string) =>
    q(
      `SELECT d.*, k.source_key FROM datasets."${id}" d
       JOIN dataset_person_key k ON k.dataset_id = $1 AND k.person_id = d.person_id
       ORDER BY k.source_key`,
      [id],
    );

  it('stores every variable type, missing values as NULL, and publishes the dataset', async () => {
    const registered = await register('registry', GOOD);

    expect(registered).toMatchObject({ rows: 4, bytes: Buffer.byteLength(GOOD) });
    expect(registered.sha256).toMatch(/^[0-9a-f]{64}$/);
    const columns = await q<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'datasets' AND table_name = 'registry' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ['person_id', 'bigint', 'NO'],
      ['age', 'integer', 'NO'],
      ['weight', 'double precision', 'YES'],
      ['smoker', 'boolean', 'YES'],
      ['seen', 'date', 'NO'],
      ['stage', 'text', 'NO'],
      ['site', 'text', 'YES'],
    ]);
    const rows = await q(
      `SELECT k.source_key, d.age, d.weight, d.smoker, d.seen::text AS seen, d.stage, d.site
       FROM datasets.registry d JOIN dataset_person_key k ON k.dataset_id = 'registry' AND k.person_id = d.person_id
       ORDER BY k.source_key`,
    );
    expect(rows).toEqual([
      {
        source_key: 'A-1',
        age: 34,
        weight: 71.5,
        smoker: true,
        seen: '2020-02-29',
        stage: 'I',
        site: 'north',
      },
      {
        source_key: 'A-2',
        age: 58,
        weight: null,
        smoker: false,
        seen: '2021-12-31',
        stage: 'II',
        site: null,
      },
      {
        source_key: 'A-3',
        age: 71,
        weight: null,
        smoker: true,
        seen: '1999-01-01',
        stage: 'III',
        site: 'south',
      },
      {
        source_key: 'A-4',
        age: -3,
        weight: 100,
        smoker: false,
        seen: '2000-06-15',
        stage: 'I',
        site: null,
      },
    ]);

    const [dataset] = await data.datasets.list();
    expect(dataset).toMatchObject({
      id: 'registry',
      version: '1',
      personCount: 4,
      origin: { kind: 'csv', file: 'registry.csv', identifier: 'pid', sha256: registered.sha256 },
    });
    const published = publish(dataset!);
    expect(published).toMatchObject({ origin: 'csv', version: '1' });
    expect(published.variables.map((v) => v.name)).toEqual([
      'age',
      'weight',
      'smoker',
      'seen',
      'stage',
      'site',
    ]);
    expect(published.variables.filter((v) => v.required).map((v) => v.name)).toEqual([
      'age',
      'seen',
      'stage',
    ]);
    expect(JSON.stringify(published)).not.toContain('pid');
    expect(await registrations()).toBe(1);
  });

  it('refuses a bad file naming each line and column, and leaves nothing behind', async () => {
    const bad = [
      HEADER,
      'B-1,40,80,no,2020-01-01,I,north',
      'B-2,forty,80,no,2020-01-01,I,north', // line 3: wrong type
      'B-3,41,80,no,2020-01-01,IV,north', // line 4: outside the levels
      'B-1,42,80,no,2020-01-01,II,south', // line 5: the person of line 2 again
      'B-5,43,80,maybe,2019-02-29,II,', // line 6: neither boolean nor a real day
      'B-6,44,80,no,2020-01-01,,south', // line 7: a required value missing
    ].join('\n');

    const error = await refusal(register('bad', bad));

    expect(error.code).toBe('DATASET.INVALID');
    expect(error.details?.problems).toEqual([
      {
        file: 'registry.csv',
        line: 3,
        column: 'age',
        problem: 'must be a whole number from -2147483648 to 2147483647',
      },
      {
        file: 'registry.csv',
        line: 4,
        column: 'stage',
        problem: 'must be one of its levels (I, II, III)',
      },
      {
        file: 'registry.csv',
        line: 5,
        column: 'pid',
        problem: 'repeats the person identifier of line 2',
      },
      {
        file: 'registry.csv',
        line: 6,
        column: 'smoker',
        problem: 'must be one of true, yes, 1, false, no, 0',
      },
      { file: 'registry.csv', line: 6, column: 'seen', problem: 'must be a date YYYY-MM-DD' },
      {
        file: 'registry.csv',
        line: 7,
        column: 'stage',
        problem: 'is required: the dictionary does not allow missing values',
      },
    ]);
    expect(error.message).toContain('registry.csv, line 3, age');

    expect(await tableExists('bad')).toBe(false);
    expect((await data.datasets.list()).map((d) => d.id)).toEqual(['registry']);
    expect(await q(`SELECT * FROM dataset_person_key WHERE dataset_id = 'bad'`)).toEqual([]);
    expect(await registrations()).toBe(1);
  });

  it('refuses unknown and missing columns before loading anything', async () => {
    const error = await refusal(register('bad', 'pid,age,weight,smoker,seen,stag,colour\n'));
    expect(error.details?.problems).toEqual([
      { file: 'registry.csv', line: 1, column: 'stag', problem: 'is not in the data dictionary' },
      {
        file: 'registry.csv',
        line: 1,
        column: 'colour',
        problem: 'is not in the data dictionary',
      },
      { file: 'registry.csv', line: 1, column: 'stage', problem: 'dictionary column is missing' },
      { file: 'registry.csv', line: 1, column: 'site', problem: 'dictionary column is missing' },
    ]);
    const endless = await refusal(register('bad', 'pid,'.repeat(20_000)));
    expect(endless.details?.problems).toEqual([
      { file: 'registry.csv', line: 1, problem: 'the header line is longer than 65536 bytes' },
    ]);
  });

  it('refuses a line that is not CSV of the header, a file without rows, and numbers out of range', async () => {
    const ragged = await refusal(
      register(
        'bad',
        `${HEADER}\nC-1,40,80,no,2020-01-01,I,north\nC-2,40,80,no,2020-01-01,I,north,x\n`,
      ),
    );
    expect(ragged.details?.problems).toEqual([
      {
        file: 'registry.csv',
        line: 3,
        problem: 'is not valid CSV: extra data after last expected column',
      },
    ]);
    const empty = await refusal(register('bad', `${HEADER}\n`));
    expect(empty.details?.problems).toEqual([
      { file: 'registry.csv', line: 2, problem: 'the file has no rows' },
    ]);
    const huge = await refusal(
      register(
        'bad',
        `${HEADER}\nC-1,40,1e400,no,2020-01-01,I,north\nC-2,40,-1e-400,no,2020-01-01,I,north\nC-3,2147483648,1,no,2020-01-01,I,north\n`,
      ),
    );
    expect(huge.details?.problems).toEqual([
      { file: 'registry.csv', line: 2, column: 'weight', problem: 'must be a number', rows: 2 },
      {
        file: 'registry.csv',
        line: 4,
        column: 'age',
        problem: 'must be a whole number from -2147483648 to 2147483647',
      },
    ]);
    expect(await tableExists('bad')).toBe(false);
  });

  it('swaps in a new version whole, keeping each person’s number; a refused version leaves the old one', async () => {
    const before = await rowsOf('registry');
    const refused = await refusal(
      register('registry', `${HEADER}\nA-1,35,72,yes,2020-02-29,V,north\n`, { version: '2' }),
    );
    expect(refused.code).toBe('DATASET.INVALID');
    expect(await rowsOf('registry')).toEqual(before);
    expect((await data.datasets.list())[0]).toMatchObject({ version: '1', personCount: 4 });

    const next = await register(
      'registry',
      `${HEADER}\nA-9,50,60,no,2022-03-01,II,south\nA-3,72,,yes,1999-01-01,III,south\n`,
      { name: 'registry-2022.csv' },
    );
    expect(next).toMatchObject({ previousVersion: '1', rows: 2 });
    expect((await data.datasets.list())[0]).toMatchObject({
      version: '2',
      personCount: 2,
      origin: { file: 'registry-2022.csv' },
    });
    const after = await rowsOf('registry');
    expect(after.map((r) => [r.source_key, r.age])).toEqual([
      ['A-3', 72],
      ['A-9', 50],
    ]);
    const a3 = (rows: Record<string, unknown>[]) => rows.find((r) => r.source_key === 'A-3')!;
    expect(a3(after).person_id).toBe(a3(before).person_id);
    expect(Number(after.find((r) => r.source_key === 'A-9')!.person_id)).toBe(5);
  });

  it('registers a version once, and never over a dataset derived from the OMOP data', async () => {
    const again = await refusal(register('registry', GOOD, { version: '2' }));
    expect(again).toMatchObject({ code: 'DATASET.CONFLICT' });
    expect(again.message).toContain('already registered at version 2');

    await data.datasets.define({
      id: 'derived',
      title: 'Derived',
      description: 'From OMOP',
      keywords: [],
      sql: 'SELECT person_id, year_of_birth AS born FROM omop.person',
      variables: [{ name: 'born', type: 'integer', description: 'Year of birth' }],
    });
    await expect(register('derived', GOOD)).rejects.toMatchObject({ code: 'DATASET.CONFLICT' });
    await expect(
      data.datasets.define({
        id: 'registry',
        title: 'Clash',
        description: 'Clash',
        keywords: [],
        sql: 'SELECT person_id, year_of_birth AS born FROM omop.person',
        variables: [{ name: 'born', type: 'integer', description: 'Year of birth' }],
      }),
    ).rejects.toMatchObject({ code: 'DATASET.CONFLICT' });
    expect(await rowsOf('registry')).toHaveLength(2);
  });

  it('leaves a registered file alone when the OMOP datasets are rebuilt', async () => {
    const before = await rowsOf('registry');
    await database.dataSource.transaction((manager) =>
      data.datasets.refreshAll({ kind: 'transaction', manager } as never),
    );
    expect(await rowsOf('registry')).toEqual(before);
    expect((await data.datasets.list()).find((d) => d.id === 'registry')).toMatchObject({
      version: '2',
    });
  });

  (TEST_DATABASE_URL ? it : it.skip)(
    'keeps the previous version readable by others until the new one is complete',
    async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let halfSent!: () => void;
      const sending = new Promise<void>((resolve) => (halfSent = resolve));
      async function* slowly() {
        yield Buffer.from(`${HEADER}\nA-1,36,70,no,2020-02-29,I,north\n`);
        halfSent();
        await held;
        yield Buffer.from('A-2,59,80,no,2021-12-31,II,south\n');
      }
      const registering = data.registrar.register(
        {
          id: 'registry',
          version: '3',
          dictionary: DICTIONARY,
          file: { name: 'registry.csv', content: Readable.from(slowly()) },
        },
        system,
      );
      await sending;
      expect(await rowsOf('registry')).toHaveLength(2);
      expect((await data.datasets.list()).find((d) => d.id === 'registry')).toMatchObject({
        version: '2',
      });
      release();
      await registering;
      expect((await rowsOf('registry')).map((r) => r.source_key)).toEqual(['A-1', 'A-2']);
    },
  );
});
