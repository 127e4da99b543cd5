import { DomainError } from '../../../shared/errors';
import type { WorkspaceColumn } from '../../analysis/domain/analysis-kind';
import type { DatasetVariable } from '../../catalogue/domain/dataset';

/** One permitted dataset of one node, as its workspace holds it. */
export interface WorkspaceTableInfo {
  readonly dataset: string;
  /** The permitted variables: the table's columns beside the pseudonym. */
  readonly columns: readonly WorkspaceColumn[];
  /** Every variable the dataset publishes, so a name outside the permit can be told from an unknown one. */
  readonly publishedVariables: readonly string[];
}

/** READY for use; FAILED to build (retried); ARCHIVED read-only; DESTROYED dropped with its secret. */
export type WorkspaceStatus = 'READY' | 'FAILED' | 'ARCHIVED' | 'DESTROYED';

/** What a node holds for a permit in its workspace, as counted just before destruction. */
export interface WorkspaceInventory {
  /** The schema, when one was built. */
  readonly schema?: string;
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
  /** The pseudonym secret by its id (never its value), when there is one. */
  readonly secret?: { readonly id: string; readonly createdAt: string };
}

/** A permit's workspace at this node. */
export interface Workspace {
  readonly permitId: string;
  readonly status: WorkspaceStatus;
  readonly schema?: string;
  readonly tables: readonly WorkspaceTableInfo[];
  readonly attempts: number;
  readonly lastError?: string;
  readonly nextAttemptAt?: Date;
  readonly readyAt?: Date;
  /** The lead knows this workspace is ready. */
  readonly reported: boolean;
}

/** The schema holding a permit's workspace tables. */
export function workspaceSchemaOf(permitId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(permitId)) throw new Error(`Not a permit id: ${permitId}`);
  return `ws_${permitId.replace(/-/g, '')}`;
}

/**
 * What this node's workspace holds: each dataset the permit names for this
 * node, with only its permitted variables. A dataset or variable no longer
 * published makes the build fail, naming it.
 */
export function workspacePlan(
  permitted: readonly { node: string; dataset: string; variables: readonly string[] }[],
  nodeId: string,
  published: readonly { id: string; variables: readonly DatasetVariable[] }[],
): WorkspaceTableInfo[] {
  return permitted
    .filter((d) => d.node === nodeId)
    .map((request) => {
      const dataset = published.find((p) => p.id === request.dataset);
      if (!dataset) {
        throw new DomainError(
          'WORKSPACE.BUILD_FAILED',
          `Dataset ${request.dataset} is no longer published at ${nodeId}`,
        );
      }
      const columns = request.variables.map((name) => {
        const variable = dataset.variables.find((v) => v.name === name);
        if (!variable) {
          throw new DomainError(
            'WORKSPACE.BUILD_FAILED',
            `Dataset ${request.dataset} no longer has variable ${name}`,
          );
        }
        return {
          name,
          type: variable.type,
          ...(variable.levels ? { levels: [...variable.levels] } : {}),
        };
      });
      return {
        dataset: request.dataset,
        columns,
        publishedVariables: dataset.variables.map((v) => v.name),
      };
    });
}

/** When a failed build is tried again: doubling from 5 seconds, at most an hour apart. */
export function nextAttemptAfter(attempts: number, now: Date): Date {
  const delayMs = Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return new Date(now.getTime() + delayMs);
}

/**
 * The columns of one dataset across nodes, for combining: each variable once,
 * a category's levels in the first node's order followed by any level only
 * another node declares.
 */
export function mergedColumns(tables: readonly WorkspaceTableInfo[]): WorkspaceColumn[] {
  const merged = new Map<string, WorkspaceColumn>();
  for (const column of tables.flatMap((t) => t.columns)) {
    const seen = merged.get(column.name);
    if (!seen) merged.set(column.name, column);
    else if (seen.levels && column.levels) {
      const extra = column.levels.filter((l) => !seen.levels!.includes(l));
      if (extra.length > 0)
        merged.set(column.name, { ...seen, levels: [...seen.levels, ...extra] });
    }
  }
  return [...merged.values()];
}
