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
export interface Finding {
  readonly rule: 'min-count';
  /** Which cell or statistic, e.g. "sex=female,diabetes=true" or "n". */
  readonly cell: string;
  readonly value: number;
  readonly threshold: number;
}

/**
 * One analysis kind: what a researcher may ask (params), the SQL each node
 * runs on its workspace (local, read), the output checks on a node's
 * contribution (check) and the exact pooled result from all contributions
 * (combine). Every part is pure.
 *
 * P: the parameters; C: one node's contribution (plain JSON); R: the result.
 */
export interface AnalysisKindModule<P extends { dataset: string }, C, R> {
  readonly name: string;
  readonly params: z.ZodType<P>;
  /** Every variable the parameters use, so permits can be checked before anything runs. */
  variables(params: P): string[];
  /**
   * Checks the parameters against the columns (types, levels, filter values);
   * throws DomainError ANALYSIS.INVALID_PARAMS naming the problem.
   */
  validate(params: P, columns: readonly WorkspaceColumn[]): void;
  /** The one SQL statement that computes this node's sufficient statistics in one pass. */
  local(params: P, table: WorkspaceTable): LocalQuery;
  /** The statement's rows as this node's contribution (numbers converted from text). */
  read(params: P, rows: readonly Record<string, unknown>[]): C;
  /**
   * What of the contribution may leave without review, before the checks:
   * details that describe only missingness are withheld when small.
   */
  suppress(contribution: C, rules: OutputRules): C;
  /** How many persons the contribution describes. */
  persons(contribution: C): number;
  /** Output checks on one node's contribution; no findings means it may leave. */
  check(contribution: C, rules: OutputRules): Finding[];
  /** The pooled result of the released contributions of every contributing node. */
  combine(params: P, contributions: readonly C[], columns: readonly WorkspaceColumn[]): R;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAnalysisKind = AnalysisKindModule<any, any, any>;
