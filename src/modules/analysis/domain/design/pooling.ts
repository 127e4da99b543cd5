import { assertContribution } from '../contributions';
import { upperPairs } from './design-sql';

/** The packed upper triangle's length for p columns. */
export const packedLength = (p: number): number => (p * (p + 1)) / 2;

/**
 * Where each column a contribution names sits in the lead's design. A node
 * codes only the levels it declares, so its columns may be fewer (a level it
 * lacks is 0 in all its rows); a column the design lacks means the node coded
 * the model otherwise (another reference level): the contribution is refused.
 */
export function positionsIn(
  designNames: readonly string[],
  columns: readonly string[],
  kind: string,
): number[] {
  assertContribution(new Set(columns).size === columns.length, kind, 'repeats a design column');
  return columns.map((name) => {
    const position = designNames.indexOf(name);
    assertContribution(position >= 0, kind, `has a design column ${name} the model does not`);
    return position;
  });
}

export const zeroVector = (p: number): number[] => new Array<number>(p).fill(0);

export const zeroMatrix = (p: number): number[][] => Array.from({ length: p }, () => zeroVector(p));

/** Adds a contribution's packed upper triangle into the pooled matrix (both triangles). */
export function addPacked(
  target: number[][],
  packed: readonly number[],
  positions: readonly number[],
): void {
  upperPairs(positions.length).forEach(([j, k], i) => {
    const [a, b] = [positions[j], positions[k]];
    target[a][b] += packed[i];
    if (a !== b) target[b][a] += packed[i];
  });
}

export function addVector(
  target: number[],
  vector: readonly number[],
  positions: readonly number[],
): void {
  vector.forEach((value, i) => {
    target[positions[i]] += value;
  });
}
