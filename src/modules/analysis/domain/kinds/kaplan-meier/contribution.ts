import { z } from 'zod';
import { excludedSchema } from '../../complete-cases';
import { groupKeySchema } from '../../group-keys';

const count = z.int().nonnegative();

/**
 * One stratum's counts per bin: the persons at risk at the bin's start (time
 * at or after its left edge), and the events and censored times in it.
 */
export const stratumCountsSchema = z
  .strictObject({
    key: groupKeySchema,
    /** Complete cases with a time before the first edge: at risk in no bin. */
    below: count,
    atRisk: z.array(count),
    events: z.array(count),
    censored: z.array(count),
  })
  .refine(
    ({ atRisk, events, censored }) =>
      atRisk.length === events.length &&
      atRisk.length === censored.length &&
      atRisk.every((n, i) => {
        const left = n - events[i] - censored[i];
        return left >= 0 && (i + 1 === atRisk.length || atRisk[i + 1] === left);
      }),
    'each bin starts with those at risk at the previous start, less its events and censored',
  );

export type StratumCounts = z.infer<typeof stratumCountsSchema>;

/** One node's binned risk sets, per stratum it has complete cases in. */
export const kaplanMeierContributionSchema = z.strictObject({
  time: z.string(),
  event: z.string(),
  /** The strata variable, or none. */
  strata: z.array(z.string()),
  bins: z.array(z.number()),
  groups: z.array(stratumCountsSchema),
  /** Rows missing the time, the event or the stratum; null when withheld as fewer than the minimum count. */
  excluded: excludedSchema,
});

export type KaplanMeierContribution = z.infer<typeof kaplanMeierContributionSchema>;
