export interface Binned {
  readonly edges: readonly number[];
  readonly below: number;
  readonly counts: readonly number[];
  readonly above: number;
}

/**
 * The p-quantile estimated from binned counts, interpolating linearly within
 * the bin it falls in; null when it falls below the first edge or at or above
 * the last, where the bins say nothing of the values.
 */
export function binnedQuantile({ edges, below, counts, above }: Binned, p: number): number | null {
  const total = below + counts.reduce((sum, count) => sum + count, 0) + above;
  const target = p * total;
  if (total === 0 || target <= below) return null;
  let before = below;
  for (const [i, count] of counts.entries()) {
    if (count > 0 && before + count >= target) {
      return edges[i] + ((target - before) / count) * (edges[i + 1] - edges[i]);
    }
    before += count;
  }
  return null;
}
