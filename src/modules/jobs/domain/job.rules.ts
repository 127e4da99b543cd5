import { DomainError } from '../../../shared/errors';
import type { AnyAnalysisKind } from '../../analysis/domain/analysis-kind';
import { kindNamed } from '../../analysis/domain/analysis-catalogue';
import type { PermitPayload } from '../../permits/domain/permit-payload';
import { assertUserNamed } from '../../permits/domain/permit.rules';
import type { WorkspaceTableInfo } from '../../workspaces/domain/workspace';
import type { JobSpec } from './job';

/** The nodes a job runs at: those whose part of the permit includes the dataset it names. */
export function jobNodesOf(payload: PermitPayload, dataset: string): string[] {
  const nodes = payload.datasets.filter((d) => d.dataset === dataset).map((d) => d.node);
  if (nodes.length === 0) {
    throw new DomainError(
      'ANALYSIS.VARIABLE_NOT_PERMITTED',
      `Permit ${payload.permitId} grants no dataset ${dataset}`,
    );
  }
  return [...new Set(nodes)].sort();
}

/**
 * Every check before anything runs, the same at the lead and at each node:
 * the submitter is named in the permit; the permit allows the kind and
 * this node knows it; the parameters are well-formed; every variable they use is a
 * variable of the dataset and within the permit at each node; and the
 * parameters fit the variables' types and levels. Returns the parsed
 * parameters and the kind.
 */
export function checkJob(
  spec: JobSpec,
  payload: PermitPayload,
  tables: ReadonlyMap<string, WorkspaceTableInfo>,
): { kind: AnyAnalysisKind; params: { dataset: string } } {
  if (spec.permitId !== payload.permitId) {
    throw new DomainError(
      'REQUEST.INVALID',
      `The job is for another permit than ${payload.permitId}`,
    );
  }
  assertUserNamed(payload, spec.submittedBy);
  if (!payload.analysisKinds.includes(spec.kind)) {
    throw new DomainError(
      'ANALYSIS.KIND_NOT_PERMITTED',
      `Permit ${payload.permitId} does not allow ${spec.kind}`,
      { allowed: payload.analysisKinds },
    );
  }
  const kind = kindNamed(spec.kind);
  if (!kind) {
    throw new DomainError('ANALYSIS.UNKNOWN_KIND', `No analysis kind ${spec.kind} at this node`);
  }
  const parsed = kind.params.safeParse(spec.params);
  if (!parsed.success) {
    throw new DomainError('ANALYSIS.INVALID_PARAMS', `Invalid parameters for ${spec.kind}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const params = parsed.data as { dataset: string };
  for (const [node, table] of tables) {
    const permitted = payload.datasets.find((d) => d.node === node && d.dataset === params.dataset);
    for (const variable of kind.variables(params)) {
      if (!table.publishedVariables.includes(variable)) {
        throw new DomainError(
          'ANALYSIS.UNKNOWN_VARIABLE',
          `Dataset ${params.dataset} at ${node} has no variable ${variable}`,
          { node, variable },
        );
      }
      if (!permitted?.variables.includes(variable)) {
        throw new DomainError(
          'ANALYSIS.VARIABLE_NOT_PERMITTED',
          `Variable ${variable} of ${params.dataset} at ${node} is not within permit ${payload.permitId}`,
          { node, variable },
        );
      }
    }
    kind.validate(params, table.columns);
  }
  return { kind, params };
}
