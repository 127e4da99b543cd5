import type { Finding, OutputRules } from '../../analysis-kind';
import { modelFindings } from '../../design/model-checks';
import type { CoxRegressionContribution } from './contribution';

/**
 * n and the number of events 0 or at least the minimum count, the persons
 * left out too unless withheld, and no more parameters than a third of n.
 */
export function checkCoxRegression(
  contribution: CoxRegressionContribution,
  rules: OutputRules,
): Finding[] {
  return modelFindings(contribution, rules, [{ cell: 'events', value: contribution.events }]);
}
