import type { Finding, OutputRules } from '../analysis-kind';
import { excludedCount, minCountFindings } from '../checks/min-count';
import { residualDfFindings } from '../checks/residual-df';

/** The most parameters a model may have for n persons: a third of n, rounded down. */
export const maxParameters = (n: number): number => Math.floor(n / 3);

/**
 * The output checks of a model's contribution: its n (and any other count of
 * persons it carries) 0 or at least the minimum count; the persons left out,
 * unless withheld; no more parameters than a third of n; and at least the
 * minimum residual degrees of freedom. A node with no
 * complete case (n = 0) passes: it contributes nothing.
 */
export function modelFindings(
  contribution: {
    readonly n: number;
    readonly columns: readonly string[];
    readonly excluded: number | null;
  },
  rules: OutputRules,
  otherCounts: readonly { readonly cell: string; readonly value: number }[] = [],
): Finding[] {
  const { n, columns } = contribution;
  const findings = minCountFindings(
    [{ cell: 'n', value: n }, ...otherCounts, ...excludedCount(contribution)],
    rules,
  );
  if (n > 0 && columns.length > maxParameters(n)) {
    findings.push({
      rule: 'max-parameters',
      cell: 'parameters',
      value: columns.length,
      threshold: maxParameters(n),
    });
  }
  return [...findings, ...residualDfFindings(n, columns.length, rules)];
}
