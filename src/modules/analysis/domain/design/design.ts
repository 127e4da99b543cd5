import type { VariableType } from '../../../catalogue/domain/dataset';
import { DomainError } from '../../../../shared/errors';
import type { WorkspaceColumn } from '../analysis-kind';
import { columnOf } from '../columns';
import { filterVariables, validateFilters } from '../filters';
import { distinctNames } from '../identifier';
import { type ModelParams, termVariables } from './model-params';

/** The most columns a design may have, intercept included (the linear algebra is for small p). */
export const MAX_DESIGN_COLUMNS = 50;

export const INTERCEPT = '(Intercept)';

/** The variable types a predictor may have. */
export const PREDICTOR_TYPES: readonly VariableType[] = [
  'integer',
  'number',
  'boolean',
  'category',
];

/** One factor of a design column: a number as is, a boolean as 0/1, or the indicator of a level. */
export type Factor =
  | { readonly kind: 'number'; readonly variable: string }
  | { readonly kind: 'boolean'; readonly variable: string }
  | { readonly kind: 'level'; readonly variable: string; readonly level: string };

/** A column of the design matrix X: the product of its factors (none: the intercept, 1). */
export interface DesignColumn {
  /** How results name it, e.g. `(Intercept)`, `age`, `diabetes=true`, `sex=male`, `sex=male:age`. */
  readonly name: string;
  readonly factors: readonly Factor[];
}

export interface Design {
  readonly outcome: WorkspaceColumn;
  /** The outcome and every predictor's variable: a row missing any of them is no complete case. */
  readonly variables: readonly string[];
  readonly columns: readonly DesignColumn[];
}

/** Every variable a model uses, filters included, for the permit check. */
export function modelVariables(params: ModelParams): string[] {
  return distinctNames([
    params.outcome,
    ...params.predictors.flatMap(termVariables),
    ...filterVariables(params.filters),
  ]);
}

/**
 * The design of a model on these columns: an intercept, then each term's
 * columns in the order the terms are written. A number is used as is, a
 * boolean as 1 for true, a category as one indicator per level other than
 * its reference (the given level, else the first); an interaction `a:b` is
 * the product of each column of `a` with each column of `b` (a's varying
 * slowest). Throws ANALYSIS.INVALID_PARAMS or ANALYSIS.UNKNOWN_VARIABLE.
 */
export function designOf(
  params: ModelParams,
  columns: readonly WorkspaceColumn[],
  outcomeTypes: readonly VariableType[],
): Design {
  const outcome = columnOf(columns, params.outcome, outcomeTypes, 'outcome');
  const predictorVariables = distinctNames(params.predictors.flatMap(termVariables));
  if (predictorVariables.includes(params.outcome)) {
    throw invalid(`The outcome ${params.outcome} cannot also be a predictor`, {
      variable: params.outcome,
    });
  }
  const predictorColumns = new Map(
    predictorVariables.map((name) => [
      name,
      columnOf(columns, name, PREDICTOR_TYPES, 'A predictor'),
    ]),
  );
  const references = referencesOf(params, predictorColumns);
  const columnsOfVariable = (name: string): DesignColumn[] =>
    variableColumns(predictorColumns.get(name)!, references.get(name));
  const design: DesignColumn[] = [{ name: INTERCEPT, factors: [] }];
  for (const term of params.predictors) {
    const [a, b] = termVariables(term);
    if (b === undefined) {
      design.push(...columnsOfVariable(a));
      continue;
    }
    for (const left of columnsOfVariable(a)) {
      for (const right of columnsOfVariable(b)) {
        design.push({
          name: `${left.name}:${right.name}`,
          factors: [...left.factors, ...right.factors],
        });
      }
    }
  }
  if (design.length > MAX_DESIGN_COLUMNS) {
    throw invalid(
      `The model has ${design.length} design columns; at most ${MAX_DESIGN_COLUMNS} are allowed`,
      { columns: design.length },
    );
  }
  const names = design.map((column) => column.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) {
    throw invalid(`Two design columns would both be named ${repeated}`, { column: repeated });
  }
  return { outcome, variables: [params.outcome, ...predictorVariables], columns: design };
}

/** Checks a model's parameters and filters against the columns. */
export function validateModel(
  params: ModelParams,
  columns: readonly WorkspaceColumn[],
  outcomeTypes: readonly VariableType[],
): void {
  designOf(params, columns, outcomeTypes);
  validateFilters(params.filters, columns);
}

function referencesOf(
  params: ModelParams,
  predictorColumns: ReadonlyMap<string, WorkspaceColumn>,
): Map<string, string> {
  const references = new Map<string, string>();
  for (const [name, level] of Object.entries(params.reference ?? {})) {
    const column = predictorColumns.get(name);
    if (column?.type !== 'category') {
      throw invalid(`reference names ${name}, which is not a category predictor of the model`, {
        variable: name,
      });
    }
    if (!(column.levels ?? []).includes(level)) {
      throw invalid(
        `reference: ${JSON.stringify(level)} is not a level of ${name} (${(column.levels ?? []).join(', ')})`,
        { variable: name, level },
      );
    }
    references.set(name, level);
  }
  return references;
}

function variableColumns(column: WorkspaceColumn, reference: string | undefined): DesignColumn[] {
  const variable = column.name;
  switch (column.type) {
    case 'boolean':
      return [{ name: `${variable}=true`, factors: [{ kind: 'boolean', variable }] }];
    case 'category': {
      const levels = column.levels ?? [];
      if (levels.length === 0) {
        throw invalid(`The category ${variable} has no declared levels to code`, { variable });
      }
      const base = reference ?? levels[0];
      return levels
        .filter((level) => level !== base)
        .map((level) => ({
          name: `${variable}=${level}`,
          factors: [{ kind: 'level', variable, level }],
        }));
    }
    default:
      return [{ name: variable, factors: [{ kind: 'number', variable }] }];
  }
}

function invalid(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('ANALYSIS.INVALID_PARAMS', message, details);
}

/**
 * The parameters with the reference level of every category predictor
 * stated: the one asked for, else the first level of the merged columns.
 * Fixed at the lead, so a node that declares its levels in another order
 * still codes the same dummies.
 */
export function withReferences<
  P extends { readonly predictors: readonly string[]; readonly reference?: Record<string, string> },
>(params: P, columns: readonly WorkspaceColumn[]): P {
  const reference = { ...(params.reference ?? {}) };
  for (const name of distinctNames(params.predictors.flatMap(termVariables))) {
    const column = columns.find((c) => c.name === name);
    if (column?.type === 'category' && reference[name] === undefined && column.levels?.length) {
      reference[name] = column.levels[0]!;
    }
  }
  return Object.keys(reference).length > 0 ? { ...params, reference } : params;
}
