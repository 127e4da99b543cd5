const TOLERANCE = 1e-9;

/**
 * Which unknowns a set of sums pins down. Each line is a sum known to
 * whoever reads the released table (a margin: the unknowns it adds up, by
 * index); an unknown is pinned down when some combination of the sums gives
 * it alone, i.e. when every solution of the homogeneous system leaves it 0.
 * Reduced row echelon form: a free unknown is never pinned down; a pivot is
 * pinned down when its row has no free unknown in it.
 */
export function pinnedDown(lines: readonly (readonly number[])[], unknowns: number): boolean[] {
  const rows = lines.map((line) => {
    const row = new Array<number>(unknowns).fill(0);
    for (const i of line) row[i] = 1;
    return row;
  });
  const pivotRowOf = new Map<number, number[]>();
  let next = 0;
  for (let column = 0; column < unknowns && next < rows.length; column++) {
    const found = rows.findIndex((row, r) => r >= next && Math.abs(row[column]) > TOLERANCE);
    if (found < 0) continue;
    [rows[next], rows[found]] = [rows[found], rows[next]];
    const pivot = rows[next];
    const scale = pivot[column];
    for (let c = 0; c < unknowns; c++) pivot[c] /= scale;
    rows.forEach((row, r) => {
      if (r === next || Math.abs(row[column]) <= TOLERANCE) return;
      const factor = row[column];
      for (let c = 0; c < unknowns; c++) row[c] -= factor * pivot[c];
    });
    pivotRowOf.set(column, pivot);
    next++;
  }
  return Array.from({ length: unknowns }, (_, column) => {
    const row = pivotRowOf.get(column);
    return (
      row !== undefined &&
      row.every((value, c) => c === column || pivotRowOf.has(c) || Math.abs(value) <= TOLERANCE)
    );
  });
}
