import type { OutputRules } from '../../analysis-kind';
import { keyIdOf } from '../../group-keys';
import type { CountContribution } from './contribution';
import { pinnedDown } from './margins';
import { tableGrid } from './table-grid';

type Key = (string | boolean)[];

/**
 * A count table with its failing cells (1 to the minimum − 1) suppressed,
 * and with as many more cells suppressed as it takes (on a line with a
 * suppressed cell already first, then the smallest, an empty cell last:
 * beside it a suppressed cell's range would be its own value) so
 * that no suppressed cell can be computed from the table's margins (every
 * sum along one variable, all else fixed: the lower margins and the total
 * follow from these). A suppressed cell is released with count null; a
 * cell without a row that is suppressed is released as such too, so that
 * it cannot be read as 0. Without group variables there is nothing to
 * suppress a single total with: it is left to the checks.
 */
export function suppressCells(
  contribution: CountContribution,
  rules: OutputRules,
): CountContribution {
  const { groupBy, cells } = contribution;
  const failing = (count: number | null) => count !== null && count > 0 && count < rules.minCount;
  if (groupBy.length === 0 || !cells.some((cell) => failing(cell.count))) return contribution;
  const counts = new Map(cells.map((cell) => [keyIdOf(cell.key), cell.count ?? 0]));
  const grid = tableGrid(cells.map((cell) => cell.key));
  const countOf = (key: Key) => counts.get(keyIdOf(key)) ?? 0;
  const suppressed = new Set(grid.filter((key) => failing(countOf(key))).map(keyIdOf));
  const lines = linesOf(grid, groupBy.length);
  for (;;) {
    const exposed = exposedCell(grid, lines, suppressed);
    if (exposed === undefined) break;
    // Hidden alone on a line, it is best hidden along that line.
    const through = lonelyLines(exposed, lines, suppressed) ?? linesThrough(exposed, lines);
    const partner = through
      .flatMap((line) => line.filter((key) => !suppressed.has(keyIdOf(key))))
      .map((key) => ({ key, closes: closesPattern(key, through, lines, suppressed) }))
      .sort(
        (a, b) =>
          Number(b.closes) - Number(a.closes) ||
          partnerRank(countOf(a.key)) - partnerRank(countOf(b.key)),
      )[0]?.key;
    // No cell left to hide it with: the whole table is suppressed.
    if (partner === undefined) {
      grid.forEach((key) => suppressed.add(keyIdOf(key)));
      break;
    }
    suppressed.add(keyIdOf(partner));
  }
  return {
    ...contribution,
    cells: grid.flatMap((key): CountContribution['cells'] => {
      if (suppressed.has(keyIdOf(key))) return [{ key, count: null }];
      return counts.has(keyIdOf(key)) ? [{ key, count: countOf(key) }] : [];
    }),
  };
}

const partnerRank = (count: number): number => (count === 0 ? Number.MAX_SAFE_INTEGER : count);

/**
 * Whether a candidate lies on a line (other than those through the exposed
 * cell) that holds a suppressed cell already: suppressing it closes a
 * pattern rather than opening a new line to protect.
 */
function closesPattern(
  key: Key,
  through: readonly Key[][],
  lines: readonly Key[][],
  suppressed: ReadonlySet<string>,
): boolean {
  const id = keyIdOf(key);
  return lines.some(
    (line) =>
      !through.includes(line) &&
      line.some((other) => keyIdOf(other) === id) &&
      line.some((other) => suppressed.has(keyIdOf(other))),
  );
}

/** Every line of the grid: the cells that differ only in the value of one variable. */
function linesOf(grid: readonly Key[], dimensions: number): Key[][] {
  const lines = new Map<string, Key[]>();
  for (let along = 0; along < dimensions; along++) {
    for (const key of grid) {
      const id = `${along}:${keyIdOf(key.filter((_, i) => i !== along))}`;
      lines.set(id, [...(lines.get(id) ?? []), key]);
    }
  }
  return [...lines.values()];
}

function linesThrough(id: string, lines: readonly Key[][]): Key[][] {
  return lines.filter((line) => line.some((key) => keyIdOf(key) === id));
}

/** The lines on which this cell is the only suppressed one, if any. */
function lonelyLines(
  id: string,
  lines: readonly Key[][],
  suppressed: ReadonlySet<string>,
): Key[][] | undefined {
  const lonely = linesThrough(id, lines).filter(
    (line) => line.filter((key) => suppressed.has(keyIdOf(key))).length === 1,
  );
  return lonely.length > 0 ? lonely : undefined;
}

/** A suppressed cell the released margins pin down, if there is one: one alone on a line first. */
function exposedCell(
  grid: readonly Key[],
  lines: readonly Key[][],
  suppressed: ReadonlySet<string>,
): string | undefined {
  const unknowns = grid.map(keyIdOf).filter((id) => suppressed.has(id));
  const index = new Map(unknowns.map((id, i) => [id, i]));
  const sums = lines
    .map((line) => line.flatMap((key) => index.get(keyIdOf(key)) ?? []))
    .filter((line) => line.length > 0);
  const pinned = pinnedDown(sums, unknowns.length);
  const exposed = unknowns.filter((_, i) => pinned[i]);
  return exposed.find((id) => lonelyLines(id, lines, suppressed)) ?? exposed[0];
}
