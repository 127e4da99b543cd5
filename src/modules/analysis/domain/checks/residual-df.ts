import type { Finding, OutputRules } from '../analysis-kind';

/** A model fitted to n persons with this many parameters keeps at least the minimum residual degrees of freedom. */
export function residualDfFindings(n: number, parameters: number, rules: OutputRules): Finding[] {
  const df = n - parameters;
  return n > 0 && df < rules.minResidualDf
    ? [{ rule: 'residual-df', cell: 'residual-df', value: df, threshold: rules.minResidualDf }]
    : [];
}
