import type { Finding, OutputRules } from '../analysis-kind';

/**
 * A survival curve's rows (bins, in order) until they add up to the minimum
 * number of events: each row after the first event and before the events
 * reach the minimum is a finding.
 */
export function survivalEventFindings(
  rows: readonly { readonly cell: string; readonly events: number }[],
  rules: OutputRules,
): Finding[] {
  let cumulative = 0;
  return rows.flatMap(({ cell, events }) => {
    cumulative += events;
    return cumulative > 0 && cumulative < rules.survivalMinEvents
      ? [
          {
            rule: 'survival-events' as const,
            cell: `${cell}:cumulative-events`,
            value: cumulative,
            threshold: rules.survivalMinEvents,
          },
        ]
      : [];
  });
}
