import { z } from 'zod';
import { VariableType } from '../../catalogue/domain/dataset';

/** A column of a permit's workspace table: a permitted variable of the dataset. */
export interface WorkspaceColumn {
  readonly name: string;
  readonly type: VariableType;
  /** The levels of a category, in their natural order. */
  readonly levels?: readonly string[];
}

/** What a kind needs to know of the table it runs on. */
export interface WorkspaceTable {
  /** The table's qualified, quoted SQL name, e.g. "ws_0a1b…"."cardiometabolic". */
  readonly sqlName: string;
  readonly columns: readonly WorkspaceColumn[];
}

/** One parameterised SQL statement; values are bound, never spliced into the text. */
export interface LocalQuery {
  readonly sql: string;
  readonly values: readonly unknown[];
}

/**
 * The node's output rules (ACRO/SACRO defaults in brackets). A joint job
 * applies the strictest of its participants' rules (see strictestRules).
 */
export interface OutputRules {
  /** Every count and every statistic's n must be 0 or at least this [10]; also the subset, complement and differencing threshold. */
  readonly minCount: number;
  /** Whether zeros in a frequency table are held for review [true]. */
  readonly zerosReview: boolean;
  /** (n,k) dominance with n = 2: the two largest values must be under this share of a magnitude cell's total [0.90]. */
  readonly dominanceK: number;
  /** p-ratio: what is left after the two largest values must be at least this share of the largest [0.10]. */
  readonly pRatio: number;
  /** A model's residual degrees of freedom (n − parameters) must be at least this [10]. */
  readonly minResidualDf: number;
  /** A survival curve's rows need at least this many events up to them [10]. */
  readonly survivalMinEvents: number;
  /** A table's group variable may have at most this many levels [40]. */
  readonly maxLevels: number;
}

/** One reason an output may not leave the node, in machine-readable form. */
export const OUTPUT_RULES = [
  'min-count',
  'max-parameters',
  'zeros',
  'dominance',
  'p-ratio',
  'negative-values',
  'residual-df',
  'survival-events',
  'subset-complement',
  'max-levels',
  'differencing',
] as const;

export type OutputRule = (typeof OUTPUT_RULES)[number];

export interface Finding {
  /**
   * min-count: a count or n under the minimum; max-parameters: a model with
   * more parameters than a third of n; zeros: an empty cell of a frequency
   * table; dominance and p-ratio: a magnitude cell dominated by its largest
   * values; negative-values: a magnitude cell with negative values (the
   * dominance checks do not hold); residual-df: a model with too few residual
   * degrees of freedom; survival-events: a survival row with too few events
   * up to it; subset-complement: a filtered subset or its complement under
   * the minimum; max-levels: a group variable with too many levels;
   * differencing: a population a few persons away from one released before.
   */
  readonly rule: OutputRule;
  /** Which cell or statistic, e.g. "sex=female,diabetes=true" or "n". */
  readonly cell: string;
  readonly value: number;
  readonly threshold: number;
}

/** After a round: the result, or the state of the next round (iterative kinds). */
export type Combined<R, S> = { readonly result: R } | { readonly next: S };

/** What an iterative kind adds: its state, kept at the lead and sent to the nodes each round. */
export interface Rounds<P, S> {
  /** The state of the first round. */
  start(params: P, columns: readonly WorkspaceColumn[]): S;
  /** The state as it travels to the nodes, checked there before it is used. */
  readonly state: z.ZodType<S>;
  /** The most rounds a job of this kind may take; the kind reports non-convergence within them. */
  readonly maxRounds: number;
}

/**
 * One analysis kind: what a researcher may ask (params), the SQL each node
 * runs on its workspace (local, read), the output checks on a node's
 * contribution (check) and the exact pooled result from all contributions
 * (combine). Every part is pure. An iterative kind (`rounds`) runs local
 * and combine once per round with the state the lead keeps; a one-round
 * kind's state is `undefined` and its combine gives the result.
 *
 * P: the parameters; C: one node's contribution (plain JSON); R: the result;
 * S: the state of a round; E: the node-only evidence of the checks.
 */
export interface AnalysisKindModule<
  P extends { dataset: string },
  C,
  R,
  S = undefined,
  E = undefined,
> {
  readonly name: string;
  readonly params: z.ZodType<P>;
  /** Present for iterative kinds only. */
  readonly rounds?: Rounds<P, S>;
  /**
   * At the lead, the parameters with every default that depends on the data
   * made explicit from all nodes' columns (e.g. a category's reference
   * level), so every node runs exactly the same analysis.
   */
  fixDefaults?(params: P, columns: readonly WorkspaceColumn[]): P;
  /** Every variable the parameters use, so permits can be checked before anything runs. */
  variables(params: P): string[];
  /**
   * Checks the parameters against the columns (types, levels, filter values);
   * throws DomainError ANALYSIS.INVALID_PARAMS naming the problem.
   */
  validate(params: P, columns: readonly WorkspaceColumn[]): void;
  /** The one SQL statement that computes this node's sufficient statistics in one pass. */
  local(params: P, table: WorkspaceTable, state: S): LocalQuery;
  /** The statement's rows as this node's contribution (numbers converted from text). */
  read(params: P, rows: readonly Record<string, unknown>[], state: S): C;
  /**
   * What the checks need beyond the contribution, from the same rows (e.g.
   * the largest values per cell for the dominance checks). It never leaves
   * the node: it is no part of the contribution.
   */
  evidence?(params: P, rows: readonly Record<string, unknown>[], state: S): E;
  /**
   * What of the contribution may leave without review, before the checks:
   * details that describe only missingness are withheld when small.
   */
  suppress(contribution: C, rules: OutputRules): C;
  /** How many persons the contribution describes. */
  persons(contribution: C): number;
  /** Output checks on one node's contribution; no findings means it may leave. */
  check(contribution: C, rules: OutputRules, evidence?: E): Finding[];
  /**
   * Count tables only: the contribution with its failing cells suppressed
   * (count null), and as many more as it takes that no released margin gives
   * one back.
   */
  suppressCells?(contribution: C, rules: OutputRules): C;
  /** The pooled result, or the next round's state, from the released contributions of this round. */
  combine(
    params: P,
    contributions: readonly C[],
    columns: readonly WorkspaceColumn[],
    state: S,
  ): Combined<R, S>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAnalysisKind = AnalysisKindModule<any, any, any, any, any>;
