import type { AnalysisKind } from '../../permits/domain/analysis-kinds';
import type { AnyAnalysisKind } from './analysis-kind';
import { countKind } from './kinds/count';
import { coxRegressionKind } from './kinds/cox-regression';
import { histogramKind } from './kinds/histogram';
import { kaplanMeierKind } from './kinds/kaplan-meier';
import { linearRegressionKind } from './kinds/linear-regression';
import { logisticRegressionKind } from './kinds/logistic-regression';
import { summaryKind } from './kinds/summary';

/** The analysis kinds this node can run, by the names permits allow them under. */
export const ANALYSIS_CATALOGUE: Partial<Record<AnalysisKind, AnyAnalysisKind>> = {
  count: countKind,
  summary: summaryKind,
  histogram: histogramKind,
  'linear-regression': linearRegressionKind,
  'logistic-regression': logisticRegressionKind,
  'kaplan-meier': kaplanMeierKind,
  'cox-regression': coxRegressionKind,
};

export function kindNamed(name: string): AnyAnalysisKind | undefined {
  return Object.hasOwn(ANALYSIS_CATALOGUE, name)
    ? ANALYSIS_CATALOGUE[name as AnalysisKind]
    : undefined;
}
