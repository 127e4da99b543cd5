import type { Finding, OutputRules } from '../analysis-kind';
import type { GroupValue } from '../group-keys';

/** Each group variable of a table with more distinct levels than the maximum. */
export function levelFindings(
  groupBy: readonly string[],
  keys: readonly (readonly GroupValue[])[],
  rules: OutputRules,
): Finding[] {
  return groupBy.flatMap((variable, i) => {
    const levels = new Set(keys.map((key) => JSON.stringify(key[i]))).size;
    return levels > rules.maxLevels
      ? [{ rule: 'max-levels' as const, cell: variable, value: levels, threshold: rules.maxLevels }]
      : [];
  });
}
