import { ACRO_RULES as RULES } from '../../checks/strictest';
import { keyIdOf } from '../../group-keys';
import { seededRandom } from '../testing/synthetic-nodes';
import { countKind } from '.';
import type { CountContribution } from './contribution';
import { suppressCells } from './suppress-cells';
import { tableGrid } from './table-grid';

type Key = (string | boolean)[];

/** A table from nested arrays of counts: levels a0, a1, … of the first variable, b0, … of the second, … */
function table(groupBy: string[], counts: number[]): CountContribution;
function table(groupBy: string[], counts: number[][]): CountContribution;
function table(groupBy: string[], counts: number[][][]): CountContribution;
function table(groupBy: string[], counts: unknown[]): CountContribution {
  const cells: CountContribution['cells'] = [];
  const walk = (value: unknown, key: Key) => {
    if (typeof value === 'number') cells.push({ key, count: value });
    else (value as unknown[]).forEach((v, i) => walk(v, [...key, `${groupBy[key.length]}${i}`]));
  };
  walk(counts, []);
  return { groupBy, cells: cells.filter((cell) => cell.count !== 0), excluded: 0 };
}

/**
 * The intruder: every margin of the original table (each sum along one
 * variable, all else fixed) is known, as are the released cells. With the
 * suppressed cells as unknowns, a cell is recomputable exactly when its unit
 * vector lies in the span of the margins' rows, i.e. adding it does not
 * raise the rank. Ranks are exact (fraction-free elimination in BigInt).
 */
function recomputable(original: CountContribution, released: CountContribution): string[] {
  const grid = tableGrid(original.cells.map((cell) => cell.key));
  const hidden = released.cells
    .filter((cell) => cell.count === null)
    .map((cell) => keyIdOf(cell.key));
  const index = new Map(hidden.map((id, i) => [id, i]));
  const rows: bigint[][] = [];
  for (let along = 0; along < original.groupBy.length; along++) {
    const lines = new Map<string, Key[]>();
    for (const key of grid) {
      const id = keyIdOf(key.filter((_, i) => i !== along));
      lines.set(id, [...(lines.get(id) ?? []), key]);
    }
    for (const line of lines.values()) {
      const row = new Array<bigint>(hidden.length).fill(0n);
      for (const key of line) {
        const i = index.get(keyIdOf(key));
        if (i !== undefined) row[i] = 1n;
      }
      rows.push(row);
    }
  }
  const base = rank(rows);
  return hidden.filter((_, i) => {
    const unit = hidden.map((__, j) => (i === j ? 1n : 0n));
    return rank([...rows, unit]) === base;
  });
}

function rank(matrix: readonly bigint[][]): number {
  const rows = matrix.map((row) => [...row]);
  const columns = rows[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < columns && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p], rows[r]];
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i][c] === 0n) continue;
      const a = rows[r][c];
      const b = rows[i][c];
      rows[i] = rows[i].map((value, j) => value * a - rows[r][j] * b);
    }
    r++;
  }
  return r;
}

/** Every released (not suppressed) count is the original's; every suppressed cell is marked. */
function expectFaithful(original: CountContribution, released: CountContribution) {
  const counts = new Map(original.cells.map((cell) => [keyIdOf(cell.key), cell.count]));
  for (const cell of released.cells) {
    if (cell.count !== null) expect(cell.count).toBe(counts.get(keyIdOf(cell.key)));
  }
  for (const cell of original.cells) {
    if (cell.count !== null && cell.count > 0 && cell.count < RULES.minCount) {
      expect(released.cells).toContainEqual({ key: cell.key, count: null });
    }
  }
}

const suppressedKeys = (released: CountContribution) =>
  released.cells.filter((cell) => cell.count === null).map((cell) => cell.key);

describe('secondary suppression of a count table', () => {
  it('hides a small cell of a one-way table with the next smallest, so the total cannot give it back', () => {
    const original = table(['a'], [40, 3, 25, 60]);
    const released = suppressCells(original, RULES);
    expect(suppressedKeys(released)).toEqual([['a1'], ['a2']]);
    expect(recomputable(original, released)).toEqual([]);
    expectFaithful(original, released);
  });

  it('hides a small cell of a two-way table in a rectangle of four, no margin giving any back', () => {
    const original = table(
      ['a', 'b'],
      [
        [40, 3, 25],
        [30, 22, 50],
        [12, 45, 18],
      ],
    );
    const released = suppressCells(original, RULES);
    const hidden = suppressedKeys(released);
    expect(hidden).toHaveLength(4);
    expect(recomputable(original, released)).toEqual([]);
    expectFaithful(original, released);
    // Each suppressed cell shares its row and its column with another suppressed cell.
    for (const [a, b] of hidden) {
      expect(hidden.filter(([x]) => x === a).length).toBeGreaterThanOrEqual(2);
      expect(hidden.filter(([, y]) => y === b).length).toBeGreaterThanOrEqual(2);
    }
    // The released cells pass the checks: only the hidden ones were failing.
    expect(countKind.check(released, RULES)).toEqual([]);
  });

  it('leaves no cell recomputable in many random two- and three-way tables with several small cells', () => {
    const random = seededRandom(7);
    const count = () =>
      random() < 0.3 ? 1 + Math.floor(random() * 9) : 10 + Math.floor(random() * 90);
    for (let t = 0; t < 40; t++) {
      const dims = t % 2 === 0 ? [2 + (t % 4), 3 + (t % 3)] : [2, 2 + (t % 3), 3];
      const build = (d: number): unknown =>
        d === dims.length - 1
          ? Array.from({ length: dims[d] }, count)
          : Array.from({ length: dims[d] }, () => build(d + 1));
      const groupBy = ['a', 'b', 'c'].slice(0, dims.length);
      const original = table(groupBy, build(0) as number[][]);
      const released = suppressCells(original, RULES);
      expect(recomputable(original, released)).toEqual([]);
      expectFaithful(original, released);
      expect(countKind.check(released, { ...RULES, zerosReview: false })).toEqual([]);
    }
  });

  it('hides two small cells far apart, neither recomputable from the margins', () => {
    const original = table(
      ['a', 'b'],
      [
        [2, 30, 40, 50],
        [30, 40, 50, 60],
        [40, 50, 60, 3],
        [50, 60, 70, 80],
      ],
    );
    const released = suppressCells(original, RULES);
    expect(recomputable(original, released)).toEqual([]);
    expectFaithful(original, released);
  });

  it('marks a hidden cell without a row as suppressed, so it is not read as 0, and suppresses empty cells last', () => {
    const original = table(
      ['a', 'b'],
      [
        [0, 4],
        [15, 0],
      ],
    );
    const released = suppressCells(original, RULES);
    // Only four cells, one small: nothing short of all four hides it.
    expect(suppressedKeys(released)).toHaveLength(4);
    expect(recomputable(original, released)).toEqual([]);
  });

  it('leaves a table without failing cells, and a single total, as they are', () => {
    const clean = table(['a'], [40, 25]);
    expect(suppressCells(clean, RULES)).toBe(clean);
    const total: CountContribution = { groupBy: [], cells: [{ key: [], count: 4 }], excluded: 0 };
    expect(suppressCells(total, RULES)).toBe(total);
  });

  it('pools a cell any node suppressed as suppressed, and totals only what was released', () => {
    const released = suppressCells(table(['grp'], [40, 3, 25]), RULES);
    const other = table(['grp'], [10, 11, 12]);
    const pooled = countKind.combine(
      { dataset: 'd', groupBy: ['grp'], filters: [] },
      [released, other],
      [{ name: 'grp', type: 'category', levels: ['grp0', 'grp1', 'grp2'] }],
      undefined,
    );
    expect(pooled).toEqual({
      result: {
        groupBy: ['grp'],
        cells: [
          { key: ['grp0'], count: 50 },
          { key: ['grp1'], count: null, suppressed: true },
          { key: ['grp2'], count: null, suppressed: true },
        ],
        total: 50,
        excluded: { count: 0, withheldAt: 0 },
      },
    });
  });
});
