import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeDataOn, NodeData } from '../../src/cli/node-data';
import { shippedDatasetDefinitions } from '../../src/cli/synthetic-data';
import { Database } from '../../src/database/database';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { TypeOrmAuditLog } from '../../src/modules/audit/infrastructure/typeorm-audit-log';
import { omopFilesIn } from '../../src/modules/catalogue/infrastructure/omop-folder';
import { SystemClock } from '../../src/shared/clock';
import { DomainError } from '../../src/shared/errors';
import { syntheticCountry, withEditedFile } from '../support/synthetic';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const PERSONS = 400;

describe('importing OMOP CDM files', () => {
  let testDb: TestDatabase;
  let database: Database;
  let data: NodeData;
  let country: string;

  beforeAll(async () => {
    testDb = await createTestDatabase('omop');
    database = await Database.open(testDb.config);
    await database.migrate();
    data = nodeDataOn(database.dataSource);
    country = await syntheticCountry('DE', PERSONS);
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  const q = <T = Record<string, string>>(sql: string) =>
    database.dataSource.query(sql) as Promise<T[]>;
  const lineCount = (file: string) =>
    readFileSync(join(country, file), 'utf8').trimEnd().split('\n').length - 1;
  const fingerprint = async () => {
    const tables = ['person', 'visit_occurrence', 'measurement', 'death'];
    const parts = await Promise.all(
      tables.map((t) =>
        q(
          `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM omop.${t} t`,
        ),
      ),
    );
    const dataset = await q(
      `SELECT md5(string_agg(d::text, '|' ORDER BY person_id)) AS h FROM datasets.cardiometabolic d`,
    );
    return JSON.stringify([parts, dataset]);
  };
  const imports = async () =>
    (
      await new AuditService(new TypeOrmAuditLog(database.dataSource), new SystemClock()).query({
        action: 'data.import',
      })
    ).length;
  const refusal = async (dir: string) => {
    try {
      await data.importer.import(await omopFilesIn(dir));
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('the import was expected to be refused');
  };

  it('loads every table, rebuilds the datasets and audits the import in the same transaction', async () => {
    await data.datasets.define(shippedDatasetDefinitions()[0]!);
    const counts = await data.importer.import(await omopFilesIn(country));

    for (const table of [
      'person',
      'visit_occurrence',
      'measurement',
      'observation',
      'condition_occurrence',
      'death',
    ] as const) {
      expect(counts[table]).toBe(lineCount(`${table}.csv`));
      expect(Number((await q(`SELECT count(*) AS n FROM omop.${table}`))[0]!.n)).toBe(
        counts[table],
      );
    }
    const [dataset] = await data.datasets.list();
    expect(dataset).toMatchObject({ id: 'cardiometabolic', personCount: PERSONS });
    const [row] = await q(
      `SELECT count(*) AS n, count(bmi) AS bmi, count(*) FILTER (WHERE sex IN ('female', 'male')) AS sexed FROM datasets.cardiometabolic`,
    );
    expect(row).toEqual({ n: String(PERSONS), bmi: String(PERSONS), sexed: String(PERSONS) });
    expect(await imports()).toBe(1);
  });

  it('gives the same data when the same files are imported again', async () => {
    const before = await fingerprint();
    await data.importer.import(await omopFilesIn(country));
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a file with one bad value near its end, naming the line, and changes nothing', async () => {
    const before = await fingerprint();
    const importsBefore = await imports();
    const badLine = lineCount('measurement.csv'); // the last data line; line 1 is the header
    const broken = withEditedFile(country, 'measurement.csv', (lines) => {
      const fields = lines[badLine - 1]!.split(',');
      fields[5] = '12;5';
      lines[badLine - 1] = fields.join(',');
    });

    const error = await refusal(broken);

    expect(error.code).toBe('IMPORT.INVALID');
    expect(error.details?.problems).toEqual([
      {
        file: 'measurement.csv',
        line: badLine,
        column: 'value_as_number',
        problem: 'must be a number',
      },
    ]);
    expect(error.message).toContain(`measurement.csv, line ${badLine}`);
    expect(await fingerprint()).toBe(before);
    expect(await imports()).toBe(importsBefore);
  });

  it('names duplicates, broken references, impossible dates and missing values by file and line', async () => {
    const broken = withEditedFile(country, 'person.csv', (lines) => {
      lines.push(lines[3]!); // person of line 4 again
    });
    const alsoBroken = withEditedFile(broken, 'death.csv', (lines) => {
      lines[1] = `${PERSONS + 99},2020-02-30,32817`; // no such person, and no 30 February
    });
    const worse = withEditedFile(alsoBroken, 'observation_period.csv', (lines) => {
      lines[2] = lines[2]!.replace(/,32817$/, ','); // a required value missing
    });

    const error = await refusal(worse);

    expect(error.details?.problems).toEqual([
      {
        file: 'death.csv',
        line: 2,
        column: 'death_date',
        problem: 'is required and must be a date YYYY-MM-DD',
      },
      {
        file: 'observation_period.csv',
        line: 3,
        column: 'period_type_concept_id',
        problem: 'is required and must be a whole number',
      },
      {
        file: 'person.csv',
        line: PERSONS + 2,
        column: 'person_id',
        problem: 'repeats a person_id of an earlier line',
      },
    ]);
  });

  it('refuses unknown files and headers missing required columns before loading anything', async () => {
    const broken = withEditedFile(country, 'person.csv', (lines) => {
      lines[0] = lines[0]!.replace('year_of_birth', 'birth_year');
    });
    const error = await refusal(broken);
    expect(error.details?.problems).toEqual([
      { file: 'person.csv', line: 1, column: 'birth_year', problem: 'not a column of OMOP person' },
      {
        file: 'person.csv',
        line: 1,
        column: 'year_of_birth',
        problem: 'required column is missing',
      },
    ]);
  });

  it('refuses a death of a person who is not imported', async () => {
    const broken = withEditedFile(country, 'death.csv', (lines) => {
      lines[1] = `${PERSONS + 99},2020-02-28,32817`;
    });
    const error = await refusal(broken);
    expect(error.details?.problems).toEqual([
      {
        file: 'death.csv',
        line: 2,
        column: 'person_id',
        problem: 'refers to a person_id that is not in person.csv',
      },
    ]);
  });

  it('refuses a dataset whose values fall outside its levels, keeping the previous one', async () => {
    const [definition] = shippedDatasetDefinitions();
    const narrowed = {
      ...definition!,
      variables: definition!.variables.map((v) =>
        v.name === 'smoker' ? { ...v, levels: ['never', 'current'] } : v,
      ),
    };
    await expect(data.datasets.define(narrowed)).rejects.toMatchObject({
      code: 'DATASET.INVALID',
      message: expect.stringContaining('smoker has values outside its levels'),
    });
    expect(
      (await data.datasets.list())[0]!.variables.find((v) => v.name === 'smoker')!.levels,
    ).toEqual(['never', 'former', 'current']);
    expect(Number((await q(`SELECT count(*) AS n FROM datasets.cardiometabolic`))[0]!.n)).toBe(
      PERSONS,
    );
  });
});
