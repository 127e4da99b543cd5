import { mergedColumns, nextAttemptAfter, workspacePlan, workspaceSchemaOf } from './workspace';

const published = [
  {
    id: 'study',
    variables: [
      { name: 'grp', type: 'category' as const, description: '', levels: ['a', 'b'] },
      { name: 'value', type: 'number' as const, description: '' },
      { name: 'birth_year', type: 'integer' as const, description: '' },
    ],
  },
];

describe('workspacePlan', () => {
  it("holds only this node's permitted variables, typed as published", () => {
    const plan = workspacePlan(
      [
        { node: 'de', dataset: 'study', variables: ['grp', 'value'] },
        { node: 'fr', dataset: 'study', variables: ['grp'] },
      ],
      'de',
      published,
    );
    expect(plan).toEqual([
      {
        dataset: 'study',
        columns: [
          { name: 'grp', type: 'category', levels: ['a', 'b'] },
          { name: 'value', type: 'number' },
        ],
        publishedVariables: ['grp', 'value', 'birth_year'],
      },
    ]);
  });

  it('fails, naming what is gone, when a dataset or variable is no longer published', () => {
    expect(() =>
      workspacePlan([{ node: 'de', dataset: 'gone', variables: ['x'] }], 'de', published),
    ).toThrow('Dataset gone is no longer published at de');
    expect(() =>
      workspacePlan([{ node: 'de', dataset: 'study', variables: ['bmi'] }], 'de', published),
    ).toThrow('Dataset study no longer has variable bmi');
  });
});

describe('nextAttemptAfter', () => {
  it('doubles from five seconds up to an hour', () => {
    const now = new Date(0);
    expect([1, 2, 3, 20].map((n) => nextAttemptAfter(n, now).getTime())).toEqual([
      5_000, 10_000, 20_000, 3_600_000,
    ]);
  });
});

describe('workspaceSchemaOf', () => {
  it('names the schema after the permit, and takes nothing but a permit id', () => {
    expect(workspaceSchemaOf('0a1b2c3d-0000-4000-8000-000000000001')).toBe(
      'ws_0a1b2c3d000040008000000000000001',
    );
    expect(() => workspaceSchemaOf('x"; DROP TABLE permit; --')).toThrow();
  });
});

describe('mergedColumns', () => {
  it('keeps each variable once, adding levels only another node declares', () => {
    const column = (levels: string[]) => ({ name: 'grp', type: 'category' as const, levels });
    const table = (levels: string[]) => ({
      dataset: 'study',
      columns: [column(levels)],
      publishedVariables: ['grp'],
    });
    expect(mergedColumns([table(['a', 'b']), table(['b', 'c'])])).toEqual([
      column(['a', 'b', 'c']),
    ]);
  });
});
