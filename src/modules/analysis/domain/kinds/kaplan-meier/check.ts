import type { Finding, OutputRules } from '../../analysis-kind';
import { keyOf } from '../../group-keys';
import { levelFindings } from '../../checks/levels';
import { excludedCount, minCountFindings } from '../../checks/min-count';
import { survivalEventFindings } from '../../checks/survival-events';
import type { KaplanMeierContribution } from './contribution';

/**
 * Every count of every stratum (before the first edge, and per bin at risk,
 * events and censored) 0 or at least the minimum; each stratum's rows only
 * from the minimum number of events on; no strata variable with too many
 * levels.
 */
export function checkKaplanMeier(
  contribution: KaplanMeierContribution,
  rules: OutputRules,
): Finding[] {
  const { strata, bins } = contribution;
  const stratumOf = (key: readonly (string | boolean)[]) =>
    strata.length > 0 ? `${keyOf(strata, key)}:` : '';
  const counts = minCountFindings(
    contribution.groups
      .flatMap(({ key, below, atRisk, events, censored }) => {
        const stratum = stratumOf(key);
        return [
          { cell: `${stratum}below`, value: below },
          ...atRisk.flatMap((n, i) => {
            const bin = `${stratum}[${bins[i]},${bins[i + 1]})`;
            return [
              { cell: `${bin}:at-risk`, value: n },
              { cell: `${bin}:events`, value: events[i] },
              { cell: `${bin}:censored`, value: censored[i] },
            ];
          }),
        ];
      })
      .concat(excludedCount(contribution)),
    rules,
  );
  const survival = contribution.groups.flatMap(({ key, events }) =>
    survivalEventFindings(
      events.map((count, i) => ({
        cell: `${stratumOf(key)}[${bins[i]},${bins[i + 1]})`,
        events: count,
      })),
      rules,
    ),
  );
  const levels = levelFindings(
    strata,
    contribution.groups.map((group) => group.key),
    rules,
  );
  return [...counts, ...survival, ...levels];
}
