import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, UsageError } from '../../src/cli/command';
import { datasetRegisterCommand } from '../../src/cli/commands/dataset-register.command';
import { nodeDataOn } from '../../src/cli/node-data';
import { Database } from '../../src/database/database';
import { projectRoot } from '../../src/shared/project-root';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const examples = join(projectRoot(), 'datasets', 'examples');

describe('spe dataset register', () => {
  let testDb: TestDatabase;
  let dir: string;
  const saved = { ...process.env };
  let output: string[];

  beforeAll(async () => {
    testDb = await createTestDatabase('cli', { onDisk: true });
    const database = await Database.open(testDb.config);
    await database.migrate();
    await database.close();
    dir = mkdtempSync(join(tmpdir(), 'spe-register-'));
    process.env.NODE_ID = 'de';
    if (testDb.config.url) process.env.DATABASE_URL = testDb.config.url;
    else process.env.DATA_DIR = testDb.config.dataDir;
  });

  beforeEach(() => {
    output = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
      output.push(String(text));
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((text) => {
      output.push(String(text));
      return true;
    });
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
    await testDb?.drop();
  });

  const register = (...args: string[]) => runCommand(datasetRegisterCommand, args);
  const datasets = async () => {
    const database = await Database.open(testDb.config);
    try {
      return await nodeDataOn(database.dataSource).datasets.list();
    } finally {
      await database.close();
    }
  };

  it('registers the shipped example with its JSON dictionary, showing progress', async () => {
    const code = await register(
      '--csv',
      join(examples, 'stroke_registry.csv'),
      '--dictionary',
      join(examples, 'stroke_registry.dictionary.json'),
    );
    expect(code).toBe(0);
    expect(output.join('')).toContain('Loaded stroke_registry.csv');
    expect(output.join('')).toContain('Checked 40 rows against the dictionary');
    expect(output.join('')).toContain(
      'Registered dataset stroke_registry version 1: 40 persons, 7 variables',
    );
  });

  it('registers the next version with the CSV dictionary and a title from the command line', async () => {
    const code = await register(
      '--csv',
      join(examples, 'stroke_registry.csv'),
      '--dictionary',
      join(examples, 'stroke_registry.dictionary.csv'),
      '--title',
      'Stroke registry, second release',
      '--description',
      'The same patients again.',
    );
    expect(code).toBe(0);
    expect(output.join('')).toContain('version 2 (replacing version 1)');
    expect(await datasets()).toMatchObject([
      {
        id: 'stroke_registry',
        version: '2',
        title: 'Stroke registry, second release',
        personCount: 40,
        origin: { kind: 'csv', file: 'stroke_registry.csv' },
      },
    ]);
  });

  it('refuses a bad file with the line named, changing nothing', async () => {
    const lines = readFileSync(join(examples, 'stroke_registry.csv'), 'utf8').split('\n');
    lines[9] = lines[9]!.replace(/,(female|male),/, ',unknown,');
    const bad = join(dir, 'stroke_registry.csv');
    writeFileSync(bad, lines.join('\n'));
    await expect(
      register(
        '--csv',
        bad,
        '--dictionary',
        join(examples, 'stroke_registry.dictionary.json'),
        '--version',
        '3',
      ),
    ).rejects.toMatchObject({
      code: 'DATASET.INVALID',
      details: {
        problems: [
          {
            file: 'stroke_registry.csv',
            line: 10,
            column: 'sex',
            problem: 'must be one of its levels (female, male)',
          },
        ],
      },
    });
    expect(await datasets()).toMatchObject([{ version: '2' }]);
  });

  it('explains what is missing or wrong in its options', async () => {
    await expect(register('--dictionary', 'x.json')).rejects.toThrow(UsageError);
    await expect(
      register(
        '--csv',
        join(examples, 'stroke_registry.csv'),
        '--dictionary',
        join(examples, 'stroke_registry.dictionary.json'),
        '--id',
        'Stroke Registry',
      ),
    ).rejects.toThrow(/--id: must be 1-40 lower-case letters/);
    expect(await register('--help')).toBe(0);
    expect(output.join('')).toContain('Usage: spe dataset register --csv FILE --dictionary FILE');
  });
});
