import { normalQuantile } from '../../math/distributions';

/** The 0.975 quantile of the standard normal distribution: a two-sided 95% interval. */
const Z_95 = normalQuantile(0.975);

export interface BinCounts {
  readonly atRisk: readonly number[];
  readonly events: readonly number[];
}

export interface SurvivalPoint {
  /** S at the bin's end; null once nobody is at risk at a bin's start. */
  readonly survival: number | null;
  /** Greenwood's variance of S; null where S is null or 0. */
  readonly variance: number | null;
  readonly se: number | null;
  /** The 95% interval on the log scale, S·exp(∓1.96·σ) with σ² = Σ d/(n(n−d)), the upper end at most 1. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * The Kaplan–Meier product over bins, S_k = Π_{j≤k} (1 − d_j/n_j), with
 * Greenwood's variance S_k² Σ_{j≤k} d_j/(n_j(n_j − d_j)) and the interval R's
 * survfit gives by default (conf.type "log"). Where every person at risk in a
 * bin has the event, S is 0 and its variance undefined (null), as in R.
 */
export function survivalCurve({ atRisk, events }: BinCounts): SurvivalPoint[] {
  let survival: number | null = 1;
  let greenwood = 0;
  return atRisk.map((n, j) => {
    const d = events[j];
    if (survival === null || n === 0) {
      survival = null;
      return { survival, variance: null, se: null, lower: null, upper: null };
    }
    survival *= 1 - d / n;
    if (d > 0) greenwood += d === n ? Infinity : d / (n * (n - d));
    if (survival === 0 || !Number.isFinite(greenwood)) {
      return { survival, variance: null, se: null, lower: null, upper: null };
    }
    const variance = survival * survival * greenwood;
    const spread = Z_95 * Math.sqrt(greenwood);
    return {
      survival,
      variance,
      se: Math.sqrt(variance),
      lower: survival * Math.exp(-spread),
      upper: Math.min(1, survival * Math.exp(spread)),
    };
  });
}
