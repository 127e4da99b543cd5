import type { WorkspaceColumn } from './analysis-kind';
import { keyIdOf, keyOf, tableKeys } from './group-keys';

const sex: WorkspaceColumn = { name: 'sex', type: 'category', levels: ['female', 'male'] };
const diabetes: WorkspaceColumn = { name: 'diabetes', type: 'boolean' };

describe('group keys', () => {
  it('label a group by its variables', () => {
    expect(keyOf(['sex', 'diabetes'], ['female', true])).toBe('sex=female,diabetes=true');
    expect(keyOf(['sex'], [null])).toBe('sex=(missing)');
  });

  it('tell a boolean from its name', () => {
    expect(keyIdOf([true])).not.toBe(keyIdOf(['true']));
  });

  it('lay a table out level by level, the first variable slowest', () => {
    expect(tableKeys([sex, diabetes], [])).toEqual([
      ['female', false],
      ['female', true],
      ['male', false],
      ['male', true],
    ]);
    expect(tableKeys([], [])).toEqual([[]]);
  });

  it('add values a node reported beyond the levels, never a missing value', () => {
    expect(tableKeys([sex], [['unknown'], [null], ['male'], ['abroad'], ['unknown']])).toEqual([
      ['female'],
      ['male'],
      ['abroad'],
      ['unknown'],
    ]);
    expect(
      tableKeys(
        [sex, diabetes],
        [
          [null, true],
          ['male', null],
          [null, null],
        ],
      ),
    ).toEqual([
      ['female', false],
      ['female', true],
      ['male', false],
      ['male', true],
    ]);
  });
});
