export interface Moments {
  readonly n: number;
  /** null when n is 0. */
  readonly mean: number | null;
  /** The sum of squared deviations from the mean; null when n is 0. */
  readonly m2: number | null;
}

/**
 * The moments of the union of disjoint parts, exactly as if computed on the
 * pooled values (Chan, Golub and LeVeque's parallel combination).
 */
export function pooledMoments(parts: readonly Moments[]): Moments {
  const present = parts.filter(
    (part): part is Moments & { mean: number; m2: number } =>
      part.n > 0 && part.mean !== null && part.m2 !== null,
  );
  const n = present.reduce((sum, part) => sum + part.n, 0);
  if (n === 0) return { n: 0, mean: null, m2: null };
  const mean = present.reduce((sum, part) => sum + part.n * part.mean, 0) / n;
  const m2 = present.reduce((sum, part) => sum + part.m2 + part.n * (part.mean - mean) ** 2, 0);
  return { n, mean, m2 };
}
