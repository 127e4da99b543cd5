import {
  DataDictionary,
  defaultVersion,
  headerProblems,
  registrationConflict,
} from './data-dictionary';

const dictionary: DataDictionary = {
  title: 'T',
  description: 'D',
  keywords: [],
  identifier: { name: 'pid', description: 'Person' },
  variables: [
    { name: 'age', type: 'integer', description: 'Age', missingAllowed: false },
    { name: 'sex', type: 'category', description: 'Sex', levels: ['f', 'm'], missingAllowed: true },
  ],
};

describe('checking a file against its dictionary', () => {
  it('accepts the dictionary columns in any order', () => {
    expect(headerProblems(dictionary, 'f.csv', ['sex', 'pid', 'age'])).toEqual([]);
  });

  it('names unknown, repeated and missing columns on line 1', () => {
    expect(headerProblems(dictionary, 'f.csv', ['age', 'weight', 'age', ''])).toEqual([
      { file: 'f.csv', line: 1, column: 'weight', problem: 'is not in the data dictionary' },
      { file: 'f.csv', line: 1, column: 'age', problem: 'column appears twice' },
      { file: 'f.csv', line: 1, column: 'column 4', problem: 'is not in the data dictionary' },
      { file: 'f.csv', line: 1, column: 'pid', problem: 'person identifier column is missing' },
      { file: 'f.csv', line: 1, column: 'sex', problem: 'dictionary column is missing' },
    ]);
  });
});

describe('versions', () => {
  const csv = { kind: 'csv', file: 'f.csv', bytes: 1, sha256: '', identifier: 'pid' } as const;

  it('start at 1 and go on by whole numbers unless named', () => {
    expect(defaultVersion(undefined)).toBe('1');
    expect(defaultVersion({ id: 'r', version: '41' })).toBe('42');
    expect(() => defaultVersion({ id: 'r', version: '2024-06' })).toThrow(/name the new version/);
  });

  it('are registered once, and never over a dataset derived from OMOP data', () => {
    expect(registrationConflict('r', '2', { origin: csv, version: '1' })).toBeUndefined();
    expect(registrationConflict('r', '1', undefined)).toBeUndefined();
    expect(registrationConflict('r', '1', { origin: csv, version: '1' })).toMatchObject({
      code: 'DATASET.CONFLICT',
    });
    expect(
      registrationConflict('r', '1', { origin: { kind: 'omop', sql: 'SELECT 1' } }),
    ).toMatchObject({ code: 'DATASET.CONFLICT', message: expect.stringContaining('OMOP') });
  });
});
