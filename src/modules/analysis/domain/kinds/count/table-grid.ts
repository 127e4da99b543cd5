/**
 * Every combination of the values each group variable takes in these keys
 * (both values of a boolean), the first variable varying slowest: the table
 * as this node can know it, whose cells without a row are zeros.
 */
export function tableGrid(
  keys: readonly (readonly (string | boolean)[])[],
): (string | boolean)[][] {
  if (keys.length === 0) return [];
  const axes = keys[0].map((_, i) => {
    const values = [...new Set(keys.map((key) => JSON.stringify(key[i])))].map(
      (id) => JSON.parse(id) as string | boolean,
    );
    return typeof values[0] === 'boolean' ? [false, true] : values.sort();
  });
  return axes.reduce<(string | boolean)[][]>(
    (grid, axis) => grid.flatMap((key) => axis.map((value) => [...key, value])),
    [[]],
  );
}
