import { currentParts, Job, latestParts } from '../domain/job';

/**
 * A job as the people of its permit see it: each node's latest state, how
 * many persons its released contribution describes, why a node is missing,
 * the round it is in, and the pooled result. Single nodes' contributions are
 * never shown.
 */
export function jobView(job: Job) {
  const current = currentParts(job);
  return {
    id: job.id,
    permitId: job.permitId,
    kind: job.spec.kind,
    status: job.status,
    submittedAt: job.submittedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString(),
    progress: {
      round: job.round,
      nodes: current.length,
      settled: current.filter((n) => n.finishedAt !== undefined).length,
    },
    nodes: latestParts(job).map((n) => ({
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
