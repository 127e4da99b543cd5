/**
 * The analysis kinds an application can ask for and a permit can allow, by
 * the names the analysis catalogue registers them under.
 */
export const ANALYSIS_KINDS = [
  'count',
  'summary',
  'histogram',
  'linear-regression',
  'logistic-regression',
  'kaplan-meier',
  'cox-regression',
] as const;

export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];
