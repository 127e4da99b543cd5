import type { CountResult } from '../../modules/analysis/domain/kinds/count/combine';
import type { HistogramResult } from '../../modules/analysis/domain/kinds/histogram/combine';
import type { KaplanMeierResult } from '../../modules/analysis/domain/kinds/kaplan-meier/combine';
import type { LogisticRegressionResult } from '../../modules/analysis/domain/kinds/logistic-regression/combine';
import type { SummaryResult } from '../../modules/analysis/domain/kinds/summary/combine';

/** A few lines of a pooled result, for the demo's account on the terminal. */
export function describeResult(kind: string, result: unknown): string[] {
  switch (kind) {
    case 'count': {
      const r = result as CountResult;
      return [
        `${r.total} persons: ` +
          r.cells
            .map((c) => `${c.key.map(String).join('/')} ${c.count ?? 'suppressed'}`)
            .join(', '),
      ];
    }
    case 'summary': {
      const r = result as SummaryResult;
      return r.groups.map(
        (g) =>
          `${g.key.map(String).join('/') || 'all'}: n ${g.n}, mean ${fixed(g.mean)}, sd ${fixed(g.sd)}`,
      );
    }
    case 'histogram': {
      const r = result as HistogramResult;
      return [
        `${r.total} values in ${r.counts.length} bins; ` +
          r.quantiles.map((q) => `P${Math.round(q.p * 100)} ${fixed(q.value)}`).join(', '),
      ];
    }
    case 'logistic-regression': {
      const r = result as LogisticRegressionResult;
      return [
        `${r.iterations} Newton–Raphson iterations, ${r.converged ? 'converged' : 'NOT converged'}; odds ratios:`,
        ...r.coefficients
          .filter((c) => c.name !== '(Intercept)')
          .map(
            (c) =>
              `  ${c.name} ${fixed(c.oddsRatio)} (95% ${fixed(c.lower95)}–${fixed(c.upper95)})`,
          ),
      ];
    }
    case 'kaplan-meier': {
      const r = result as KaplanMeierResult;
      return r.curves.map((curve) => {
        const last = curve.bins.at(-1);
        return `${curveLabel(r.strata, curve.key)}: survival ${fixed(last?.survival ?? null)} at ${last?.to ?? '?'} days`;
      });
    }
    default:
      return [];
  }
}

export function fixed(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toFixed(digits);
}

/** A Kaplan–Meier curve's name: its stratum, or all persons when there are no strata. */
export function curveLabel(strata: string | null, key: readonly unknown[]): string {
  return strata === null ? 'all persons' : `${strata} = ${key.map(String).join('/')}`;
}
