import { Job } from '../domain/job';

/**
 * A job as the people of its permit see it: each node's state, how many
 * persons its released contribution describes, why a node is missing, and
 * the pooled result. Single nodes' contributions are never shown.
 */
export function jobView(job: Job) {
  return {
    id: job.id,
    permitId: job.permitId,
    kind: job.spec.kind,
    status: job.status,
    submittedAt: job.submittedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString(),
    progress: {
      nodes: job.nodes.length,
      settled: job.nodes.filter((n) => n.finishedAt !== undefined).length,
    },
    nodes: job.nodes.map((n) => ({
      node: n.node,
      state: n.state,
      ...(n.persons !== undefined ? { persons: n.persons } : {}),
      ...(n.findings ? { findings: n.findings } : {}),
      ...(n.reason ? { reason: n.reason } : {}),
    })),
    spec: job.spec,
    result: job.result,
  };
}
