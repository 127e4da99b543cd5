import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../shared/project-root';
import { DomainError } from '../../../shared/errors';
import { DictionaryBody, parseDataDictionary } from './data-dictionary.schema';

const example = (file: string) =>
  readFileSync(join(projectRoot(), 'datasets', 'examples', file), 'utf8');

function problemsOf(body: DictionaryBody, file = 'dictionary.csv'): unknown {
  try {
    parseDataDictionary(body, file);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('DATASET.DICTIONARY_INVALID');
    return (error as DomainError).details?.problems;
  }
  throw new Error('the dictionary was expected to be refused');
}

const described = { title: 'A registry', description: 'One row per person.' };

describe('the data dictionary', () => {
  it('reads the JSON and the CSV form of the shipped example alike', () => {
    const json = JSON.parse(example('stroke_registry.dictionary.json')) as DictionaryBody;
    const fromJson = parseDataDictionary(json, 'stroke_registry.dictionary.json');
    const fromCsv = parseDataDictionary(
      {
        title: json.title,
        description: json.description,
        keywords: json.keywords,
        dictionaryCsv: example('stroke_registry.dictionary.csv'),
      },
      'stroke_registry.dictionary.csv',
    );
    expect(fromCsv).toEqual(fromJson);
    expect(fromJson.identifier).toEqual({
      name: 'patient_id',
      description: 'Registry patient number',
    });
    expect(fromJson.variables.map((v) => [v.name, v.type, v.missingAllowed])).toEqual([
      ['age', 'integer', false],
      ['sex', 'category', false],
      ['nihss', 'integer', true],
      ['systolic_bp', 'number', true],
      ['thrombolysis', 'boolean', false],
      ['admission_date', 'date', false],
      ['mrs_90d', 'category', true],
    ]);
    expect(fromJson.variables[6]!.levels).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('names the line and column of each problem in the CSV form', () => {
    const csv = [
      'name,type,description,levels,missing_allowed,colour',
      'pid,identifier,Person,,,',
      'age,whole,Age,,,',
      'sex,category,Sex,,,',
      'score,integer,"A score, 0-9",,maybe,',
    ].join('\n');
    expect(problemsOf({ ...described, dictionaryCsv: csv })).toEqual([
      { file: 'dictionary.csv', line: 1, column: 'colour', problem: 'is not a dictionary column' },
      { file: 'dictionary.csv', line: 5, column: 'missing_allowed', problem: 'must be yes or no' },
      {
        file: 'dictionary.csv',
        line: 3,
        column: 'type',
        problem: expect.stringContaining('identifier') as string,
      },
      { file: 'dictionary.csv', line: 4, column: 'levels', problem: 'a category needs its levels' },
    ]);
  });

  it('names the path of each problem in the JSON form', () => {
    const problems = problemsOf(
      {
        ...described,
        variables: [
          { name: 'pid', type: 'identifier', description: 'Person', missingAllowed: true },
          { name: 'other', type: 'identifier', description: 'Another' },
          { name: 'grp', type: 'category', description: 'Group', levels: ['a', 'NA'] },
          { name: 'pseudonym', type: 'integer', description: 'Clashes' },
          { name: 'grp', type: 'number', description: 'Again', levels: ['x'] },
        ],
      },
      'dictionary.json',
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: 'dictionary.json',
          path: 'variables.0.missingAllowed',
          problem: 'the person identifier is always required',
        },
        {
          file: 'dictionary.json',
          path: 'variables',
          problem: expect.stringContaining(
            'exactly one column must have type identifier',
          ) as string,
        },
        { file: 'dictionary.json', path: 'variables.2.levels.1', problem: 'means a missing value' },
        {
          file: 'dictionary.json',
          path: 'variables.3.name',
          problem: expect.stringContaining('reserved') as string,
        },
        { file: 'dictionary.json', path: 'variables.4.name', problem: 'repeats an earlier name' },
        {
          file: 'dictionary.json',
          path: 'variables.4.levels',
          problem: 'only a category has levels',
        },
      ]),
    );
  });

  it('needs a title and a description, which the CSV form does not carry', () => {
    expect(
      problemsOf({ dictionaryCsv: 'name,type,description\npid,identifier,P\nx,integer,X\n' }),
    ).toEqual([
      { file: 'dictionary.csv', path: 'title', problem: 'is missing' },
      { file: 'dictionary.csv', path: 'description', problem: 'is missing' },
    ]);
  });
});
