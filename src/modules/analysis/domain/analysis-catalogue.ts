import type { AnalysisKind } from '../../permits/domain/analysis-kinds';
import type { AnyAnalysisKind } from './analysis-kind';
import { countKind } from './kinds/count';
import { histogramKind } from './kinds/histogram';
import { summaryKind } from './kinds/summary';

/** The analysis kinds this node can run, by the names permits allow them under. */
export const ANALYSIS_CATALOGUE: Partial<Record<AnalysisKind, AnyAnalysisKind>> = {
  count: countKind,
  summary: summaryKind,
  histogram: histogramKind,
};

export function kindNamed(name: string): AnyAnalysisKind | undefined {
  return Object.hasOwn(ANALYSIS_CATALOGUE, name)
    ? ANALYSIS_CATALOGUE[name as AnalysisKind]
    : undefined;
}
