import type { WorkspaceColumn } from '../../analysis-kind';
import { columnOf } from '../../columns';
import { type Exclusions, pooledExclusions } from '../../complete-cases';
import {
  assertContribution,
  assertGroupedBy,
  parseContributions,
  sameValues,
} from '../../contributions';
import { type GroupKey, GROUP_TYPES, keyIdOf, tableKeys } from '../../group-keys';
import { kaplanMeierContributionSchema } from './contribution';
import { type KaplanMeierParams, strataOf } from './params';
import { type SurvivalPoint, survivalCurve } from './survival';

/** What the bins mean, stated in every result. */
export const KAPLAN_MEIER_METHOD = {
  bins:
    'Bin [from, to) holds the times t with from ≤ t < to. atRisk counts the persons with a time ≥ from; ' +
    'events and censored count the times in the bin. Every event in a bin is counted at its end, with ' +
    'everyone whose time lies in the bin (censored ones too) at risk for it, so survival is given at ' +
    '`to`: S(to) = Π over bins up to this one of (1 − events/atRisk). This is the exact Kaplan–Meier ' +
    'estimate just before `to` when no censored time in a bin comes before an event in it. Persons ' +
    'with a time before the first edge (below) are at risk in no bin: the curve is conditional on ' +
    'reaching the first edge.',
  variance: 'Greenwood: Var S = S² Σ d/(n(n − d)); null where S is 0',
  confidence: {
    level: 0.95,
    transform: 'log',
    description:
      'S·exp(∓1.959964·√Σ d/(n(n − d))), the upper end at most 1: R survfit\'s default conf.type "log"',
  },
} as const;

export interface SurvivalBin extends SurvivalPoint {
  readonly from: number;
  readonly to: number;
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
}

export interface SurvivalCurve {
  /** The stratum's level, or [] without strata. */
  readonly key: GroupKey;
  /** Complete cases with a time before the first edge. */
  readonly below: number;
  readonly bins: SurvivalBin[];
}

export interface KaplanMeierResult {
  readonly time: string;
  readonly event: string;
  readonly strata: string | null;
  readonly bins: number[];
  readonly method: typeof KAPLAN_MEIER_METHOD;
  /** One curve per level of the strata variable (every level, zeros where no node had it), or one. */
  readonly curves: SurvivalCurve[];
  /** Persons left out for a missing time, event or stratum. */
  readonly excluded: Exclusions;
}

interface Pooled {
  below: number;
  atRisk: number[];
  events: number[];
  censored: number[];
}

export function combineKaplanMeier(
  params: KaplanMeierParams,
  contributions: readonly unknown[],
  columns: readonly WorkspaceColumn[],
): KaplanMeierResult {
  const strata = strataOf(params);
  const strataColumns = strata.map((name) => columnOf(columns, name, GROUP_TYPES, 'strata'));
  const parsed = parseContributions(kaplanMeierContributionSchema, contributions, 'kaplan-meier');
  const bins = params.bins.length - 1;
  const zeros = () => new Array<number>(bins).fill(0);
  const pooled = new Map<string, Pooled>();
  for (const contribution of parsed) {
    assertContribution(
      contribution.time === params.time &&
        contribution.event === params.event &&
        sameValues(contribution.bins, params.bins) &&
        contribution.groups.every((group) => group.atRisk.length === bins),
      'kaplan-meier',
      `is not of ${params.time} and ${params.event} binned at the asked-for edges`,
    );
    assertGroupedBy(
      { groupBy: contribution.strata },
      contribution.groups.map((group) => group.key),
      strata,
      'kaplan-meier',
    );
    for (const group of contribution.groups) {
      const id = keyIdOf(group.key);
      const sums = pooled.get(id) ?? {
        below: 0,
        atRisk: zeros(),
        events: zeros(),
        censored: zeros(),
      };
      sums.below += group.below;
      for (let j = 0; j < bins; j++) {
        sums.atRisk[j] += group.atRisk[j];
        sums.events[j] += group.events[j];
        sums.censored[j] += group.censored[j];
      }
      pooled.set(id, sums);
    }
  }
  const seen = parsed.flatMap((contribution) => contribution.groups.map((group) => group.key));
  return {
    time: params.time,
    event: params.event,
    strata: params.strata ?? null,
    bins: [...params.bins],
    method: KAPLAN_MEIER_METHOD,
    curves: tableKeys(strataColumns, seen).map((key) => {
      const sums = pooled.get(keyIdOf(key)) ?? {
        below: 0,
        atRisk: zeros(),
        events: zeros(),
        censored: zeros(),
      };
      const curve = survivalCurve(sums);
      return {
        key,
        below: sums.below,
        bins: curve.map((point, j) => ({
          from: params.bins[j],
          to: params.bins[j + 1],
          atRisk: sums.atRisk[j],
          events: sums.events[j],
          censored: sums.censored[j],
          ...point,
        })),
      };
    }),
    excluded: pooledExclusions(parsed),
  };
}
