import type { Finding, OutputRules } from '../../analysis-kind';
import { modelFindings } from '../../design/model-checks';
import type { LinearRegressionContribution } from './contribution';

export function checkLinearRegression(
  contribution: LinearRegressionContribution,
  rules: OutputRules,
): Finding[] {
  return modelFindings(contribution, rules);
}
