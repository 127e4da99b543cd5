import { z } from 'zod';
import type { VariableType } from '../../catalogue/domain/dataset';
import type { WorkspaceColumn } from './analysis-kind';
import { columnOf } from './columns';

/** A group variable's value: a category level, a boolean, or null where it is missing. */
export type GroupValue = string | boolean | null;
export type GroupKey = GroupValue[];

/** A group as a contribution names it: a complete case has no missing value in its key. */
export const groupKeySchema = z.array(z.union([z.string(), z.boolean()]));

/** A group's label for people, e.g. `sex=female,diabetes=true`; a missing value shows as `(missing)`. */
export function keyOf(names: readonly string[], key: readonly GroupValue[]): string {
  return names
    .map((name, i) => `${name}=${key[i] === null ? '(missing)' : String(key[i])}`)
    .join(',');
}

/** A key's identity in a Map; unlike its label it tells `true` from `"true"`. */
export function keyIdOf(key: readonly GroupValue[]): string {
  return JSON.stringify(key);
}

/**
 * Every group of a result table, in order: each combination of the group
 * variables' values, the first variable varying slowest. A variable's values
 * are its levels (false, true for a boolean), then any other value a node
 * reported. Rows missing a group variable are no complete case: never a group.
 */
export function tableKeys(
  groupColumns: readonly WorkspaceColumn[],
  seen: readonly (readonly GroupValue[])[],
): GroupKey[] {
  const axes = groupColumns.map((column, i) =>
    valuesOf(
      column,
      seen.map((key) => key[i]),
    ),
  );
  return axes.reduce<GroupKey[]>(
    (keys, axis) => keys.flatMap((key) => axis.map((value) => [...key, value])),
    [[]],
  );
}

function valuesOf(column: WorkspaceColumn, seen: readonly GroupValue[]): GroupValue[] {
  const declared: GroupValue[] =
    column.type === 'boolean' ? [false, true] : [...(column.levels ?? [])];
  const declaredIds = new Set(declared.map((value) => JSON.stringify(value)));
  const others = [
    ...new Set(
      seen
        .filter((value) => value !== null)
        .map((value) => JSON.stringify(value))
        .filter((id) => !declaredIds.has(id)),
    ),
  ]
    .sort()
    .map((id) => JSON.parse(id) as GroupValue);
  return [...declared, ...others];
}

/** The variable types a table can be grouped by. */
export const GROUP_TYPES: readonly VariableType[] = ['category', 'boolean'];

/** The columns of the group variables, each checked to be one a table can be grouped by. */
export function groupColumnsOf(
  columns: readonly WorkspaceColumn[],
  groupBy: readonly string[],
): WorkspaceColumn[] {
  return groupBy.map((name) => columnOf(columns, name, GROUP_TYPES, 'groupBy'));
}
