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

/** The node's output rules; the airlock issue extends them. */
export interface OutputRules {
  /** Every count and every statistic's n must be 0 or at least this. */
  readonly minCount: number;
}

/** One reason an output may not leave the node, in machine-readable form. */
export const OUTPUT_RULES = ['min-count', 'max-parameters'] as const;

export interface Finding {
  /** min-count: a count or n under the minimum; max-parameters: a model with more parameters than a third of n. */
  readonly rule: (typeof OUTPUT_RULES)[number];
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
 * S: the state of a round.
 */
export interface AnalysisKindModule<P extends { dataset: string }, C, R, S = undefined> {
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
   * What of the contribution may leave without review, before the checks:
   * details that describe only missingness are withheld when small.
   */
  suppress(contribution: C, rules: OutputRules): C;
  /** How many persons the contribution describes. */
  persons(contribution: C): number;
  /** Output checks on one node's contribution; no findings means it may leave. */
  check(contribution: C, rules: OutputRules): Finding[];
  /** The pooled result, or the next round's state, from the released contributions of this round. */
  combine(
    params: P,
    contributions: readonly C[],
    columns: readonly WorkspaceColumn[],
    state: S,
  ): Combined<R, S>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAnalysisKind = AnalysisKindModule<any, any, any, any>;
