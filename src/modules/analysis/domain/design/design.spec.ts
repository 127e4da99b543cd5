import { DomainError } from '../../../../shared/errors';
import type { WorkspaceColumn } from '../analysis-kind';
import { SqlValues } from '../sql';
import { designOf, modelVariables } from './design';
import { designRowsSql, upperPairs } from './design-sql';
import { modelParamsSchema } from './model-params';
import { addPacked, positionsIn, zeroMatrix } from './pooling';

const COLUMNS: readonly WorkspaceColumn[] = [
  { name: 'y', type: 'number' },
  { name: 'age', type: 'integer' },
  { name: 'dose', type: 'number' },
  { name: 'treated', type: 'boolean' },
  { name: 'arm', type: 'category', levels: ['a', 'b', 'c'] },
  { name: 'site', type: 'category', levels: ['north', 'south'] },
  { name: 'note', type: 'category' },
];

const design = (input: Record<string, unknown>) =>
  designOf(modelParamsSchema.parse({ dataset: 'd', outcome: 'y', ...input }), COLUMNS, ['number']);

const names = (input: Record<string, unknown>) => design(input).columns.map((c) => c.name);

describe('model design', () => {
  it('codes numbers as is, booleans as 0/1 and categories against their reference, after an intercept', () => {
    expect(names({ predictors: ['age', 'treated', 'arm'] })).toEqual([
      '(Intercept)',
      'age',
      'treated=true',
      'arm=b',
      'arm=c',
    ]);
    expect(names({ predictors: ['arm'], reference: { arm: 'b' } })).toEqual([
      '(Intercept)',
      'arm=a',
      'arm=c',
    ]);
    expect(names({ predictors: [] })).toEqual(['(Intercept)']);
  });

  it('codes each kind of interaction as products, the first term varying slowest', () => {
    expect(names({ predictors: ['arm:age'] })).toEqual(['(Intercept)', 'arm=b:age', 'arm=c:age']);
    expect(names({ predictors: ['arm:site'] })).toEqual([
      '(Intercept)',
      'arm=b:site=south',
      'arm=c:site=south',
    ]);
    expect(names({ predictors: ['age:dose', 'treated:arm'] })).toEqual([
      '(Intercept)',
      'age:dose',
      'treated=true:arm=b',
      'treated=true:arm=c',
    ]);
    expect(design({ predictors: ['site:arm'] }).columns[2].factors).toEqual([
      { kind: 'level', variable: 'site', level: 'south' },
      { kind: 'level', variable: 'arm', level: 'c' },
    ]);
  });

  it('leaves out rows missing the outcome or any predictor variable, each variable once', () => {
    const built = design({ predictors: ['age', 'arm:age', 'treated'] });
    expect(built.variables).toEqual(['y', 'age', 'arm', 'treated']);
    const values = new SqlValues();
    expect(designRowsSql(built, { sqlName: '"ws"."t"', columns: COLUMNS }, [], values)).toBe(
      'SELECT ("y" IS NOT NULL AND "age" IS NOT NULL AND "arm" IS NOT NULL AND "treated" IS NOT NULL) AS complete,' +
        ' "y"::double precision AS y, 1::double precision AS x0, "age"::double precision AS x1,' +
        ' ("arm" = $1::text)::integer::double precision * "age"::double precision AS x2,' +
        ' ("arm" = $2::text)::integer::double precision * "age"::double precision AS x3,' +
        ' "treated"::integer::double precision AS x4 FROM "ws"."t" OFFSET 0',
    );
    expect(values.values).toEqual(['b', 'c']);
  });

  it('binds each level once however often the design uses it', () => {
    const values = new SqlValues();
    const sql = designRowsSql(
      design({ predictors: ['arm', 'arm:age', 'arm:dose'] }),
      { sqlName: '"ws"."t"', columns: COLUMNS },
      [{ variable: 'arm', op: 'ne', value: 'a' }],
      values,
    );
    expect(values.values).toEqual(['b', 'c', 'a']);
    expect(sql.match(/\$1::text/g)).toHaveLength(3);
    expect(sql).toMatch(/WHERE "arm" <> \$3::text OFFSET 0$/);
  });

  it('names every variable a model uses, filters included', () => {
    expect(
      modelVariables(
        modelParamsSchema.parse({
          dataset: 'd',
          outcome: 'y',
          predictors: ['arm:age', 'age'],
          filters: [{ variable: 'site', op: 'eq', value: 'north' }],
        }),
      ),
    ).toEqual(['y', 'arm', 'age', 'site']);
  });

  it('refuses a category without levels, and levels that would name two columns alike', () => {
    const refused = (run: () => unknown): DomainError => {
      try {
        run();
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('expected a refusal');
    };
    expect(refused(() => design({ predictors: ['note'] })).message).toBe(
      'The category note has no declared levels to code',
    );
    // A level may hold ':' and '=', so a main effect can be named like an interaction.
    const clash: WorkspaceColumn[] = [
      { name: 'y', type: 'number' },
      { name: 'a', type: 'category', levels: ['r', 'x', 'x:c=d'] },
      { name: 'c', type: 'category', levels: ['e', 'd'] },
    ];
    const twice = refused(() =>
      designOf(
        modelParamsSchema.parse({ dataset: 'd', outcome: 'y', predictors: ['a', 'a:c'] }),
        clash,
        ['number'],
      ),
    );
    expect(twice).toBeInstanceOf(DomainError);
    expect(twice.message).toBe('Two design columns would both be named a=x:c=d');
  });

  it('adds a node’s packed sums where its columns sit in the design', () => {
    expect(upperPairs(3)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
      [2, 2],
    ]);
    const target = zeroMatrix(3);
    addPacked(
      target,
      [10, 4, 6],
      positionsIn(['(Intercept)', 'x', 'z'], ['(Intercept)', 'z'], 'k'),
    );
    expect(target).toEqual([
      [10, 0, 4],
      [0, 0, 0],
      [4, 0, 6],
    ]);
    expect(() => positionsIn(['(Intercept)'], ['(Intercept)', 'w'], 'k')).toThrow(
      /A k contribution has a design column w the model does not/,
    );
  });
});
