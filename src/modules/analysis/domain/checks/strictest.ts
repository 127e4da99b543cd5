import type { OutputRules } from '../analysis-kind';

/** The ACRO/SACRO defaults. */
export const ACRO_RULES: OutputRules = {
  minCount: 10,
  zerosReview: true,
  dominanceK: 0.9,
  pRatio: 0.1,
  minResidualDf: 10,
  survivalMinEvents: 10,
  maxLevels: 40,
};

/**
 * The strictest of several nodes' rules, rule by rule: the highest minimum,
 * the lowest dominance share and level cap, the highest p-ratio, zeros
 * reviewed if any node reviews them.
 */
export function strictestRules(own: OutputRules, others: readonly OutputRules[]): OutputRules {
  return others.reduce(
    (strictest, rules) => ({
      minCount: Math.max(strictest.minCount, rules.minCount),
      zerosReview: strictest.zerosReview || rules.zerosReview,
      dominanceK: Math.min(strictest.dominanceK, rules.dominanceK),
      pRatio: Math.max(strictest.pRatio, rules.pRatio),
      minResidualDf: Math.max(strictest.minResidualDf, rules.minResidualDf),
      survivalMinEvents: Math.max(strictest.survivalMinEvents, rules.survivalMinEvents),
      maxLevels: Math.min(strictest.maxLevels, rules.maxLevels),
    }),
    own,
  );
}
