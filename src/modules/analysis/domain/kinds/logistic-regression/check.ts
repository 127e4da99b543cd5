import type { Finding, OutputRules } from '../../analysis-kind';
import { modelFindings } from '../../design/model-checks';
import type { LogisticRegressionContribution } from './contribution';

/**
 * A model's checks, and the persons whose fitted probability is numerically
 * 0 or 1 counted as a cell: a few of them would let their outcomes be read.
 */
export function checkLogisticRegression(
  contribution: LogisticRegressionContribution,
  rules: OutputRules,
): Finding[] {
  return modelFindings(contribution, rules, [
    { cell: 'fitted-at-bounds', value: contribution.fittedAtBounds },
  ]);
}
