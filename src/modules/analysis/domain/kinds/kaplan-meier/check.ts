import type { Finding, OutputRules } from '../../analysis-kind';
import { keyOf } from '../../group-keys';
import { excludedCount, minCountFindings } from '../../output-checks';
import type { KaplanMeierContribution } from './contribution';

/** Every count of every stratum: before the first edge, and per bin at risk, events and censored. */
export function checkKaplanMeier(
  contribution: KaplanMeierContribution,
  rules: OutputRules,
): Finding[] {
  const { strata, bins } = contribution;
  return minCountFindings(
    contribution.groups
      .flatMap(({ key, below, atRisk, events, censored }) => {
        const stratum = strata.length > 0 ? `${keyOf(strata, key)}:` : '';
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
}
