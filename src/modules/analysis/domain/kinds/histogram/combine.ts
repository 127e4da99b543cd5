import { type Exclusions, pooledExclusions } from '../../complete-cases';
import { assertContribution, parseContributions, sameValues } from '../../contributions';
import { histogramContributionSchema } from './contribution';
import type { HistogramParams } from './params';
import { binnedQuantile } from './quantile';

export interface HistogramResult {
  readonly variable: string;
  readonly edges: number[];
  readonly below: number;
  readonly counts: number[];
  readonly above: number;
  /** Every complete case: below, in the bins and above. */
  readonly total: number;
  /** null where the quantile lies outside the bins. */
  readonly quantiles: { readonly p: number; readonly value: number | null }[];
  /** Persons left out for a missing value. */
  readonly excluded: Exclusions;
}

export function combineHistograms(
  params: HistogramParams,
  contributions: readonly unknown[],
): HistogramResult {
  const parsed = parseContributions(histogramContributionSchema, contributions, 'histogram');
  const pooled = {
    edges: [...params.edges],
    below: 0,
    counts: new Array<number>(params.edges.length - 1).fill(0),
    above: 0,
  };
  for (const contribution of parsed) {
    assertContribution(
      contribution.variable === params.variable &&
        sameValues(contribution.edges, params.edges) &&
        contribution.counts.length === pooled.counts.length,
      'histogram',
      `is not of ${params.variable} binned at the asked-for edges`,
    );
    pooled.below += contribution.below;
    contribution.counts.forEach((count, i) => (pooled.counts[i] += count));
    pooled.above += contribution.above;
  }
  return {
    variable: params.variable,
    ...pooled,
    total: pooled.below + pooled.counts.reduce((sum, count) => sum + count, 0) + pooled.above,
    quantiles: params.quantiles.map((p) => ({ p, value: binnedQuantile(pooled, p) })),
    excluded: pooledExclusions(parsed),
  };
}
