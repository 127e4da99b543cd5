import { z } from 'zod';
import { MAX_DESIGN_COLUMNS } from '../../design/design';

/** The most rounds a Cox job takes: the first at β = 0, then at most 24 Newton–Raphson steps. */
export const COX_MAX_ROUNDS = 25;

const coefficients = z.array(z.number()).max(MAX_DESIGN_COLUMNS - 1);

/**
 * The lead's state of a Cox fit, sent to the nodes with each round. The
 * nodes use `parameters` and `beta`; the rest is the lead's bookkeeping of
 * Newton–Raphson with step halving (as R's coxph).
 */
export const coxRegressionStateSchema = z
  .strictObject({
    /** The design columns of the model at the lead, in order. */
    parameters: z
      .array(z.string())
      .min(1)
      .max(MAX_DESIGN_COLUMNS - 1),
    /** The coefficients this round evaluates the partial likelihood at, one per parameter. */
    beta: coefficients,
    /** 0 for the first round (β = 0), then one more per round. */
    iteration: z
      .int()
      .nonnegative()
      .max(COX_MAX_ROUNDS - 1),
    /** The last accepted point: where the Newton step to `beta` started, and its log-likelihood. */
    previous: z.strictObject({ beta: coefficients, logLikelihood: z.number() }).nullable(),
    /** Whether `beta` is a halved step, because the full one lowered the log-likelihood. */
    halving: z.boolean(),
    /** The pooled log partial likelihood at β = 0, and the pooled counts: known after the first round. */
    start: z
      .strictObject({
        logLikelihood: z.number(),
        n: z.int().nonnegative(),
        events: z.int().nonnegative(),
      })
      .nullable(),
  })
  .refine(
    ({ parameters, beta, previous }) =>
      beta.length === parameters.length &&
      (previous === null || previous.beta.length === parameters.length),
    'beta must have one coefficient per parameter',
  );

export type CoxRegressionState = z.infer<typeof coxRegressionStateSchema>;

/** The first round's state: every coefficient 0. */
export function startState(parameters: readonly string[]): CoxRegressionState {
  return {
    parameters: [...parameters],
    beta: parameters.map(() => 0),
    iteration: 0,
    previous: null,
    halving: false,
    start: null,
  };
}
