import { personId } from '../../identity/domain/person';
import { HeldOutput } from '../domain/held-output';

/** A held output in the airlock's list: its job and its checks, not the output itself. */
export function heldSummary(o: HeldOutput) {
  return {
    id: o.id,
    jobId: o.jobId,
    round: o.round,
    permitId: o.permitId,
    lead: o.lead,
    kind: o.spec.kind,
    submittedBy: o.spec.submittedBy,
    status: o.status,
    state: o.state,
    findings: o.findings,
    heldAt: o.heldAt.toISOString(),
    decidedAt: o.decidedAt?.toISOString(),
    delivered: o.deliveredAt !== undefined,
    ...(o.reason ? { reason: o.reason } : {}),
    reviews: o.reviews.map((r) => ({
      reviewer: personId(r.reviewer),
      decision: r.decision,
      reason: r.reason,
      reviewedAt: r.reviewedAt.toISOString(),
    })),
  };
}

/** For this node's reviewers only: the output beside its checks and the job's full specification. */
export function heldDetail(o: HeldOutput) {
  return { ...heldSummary(o), spec: o.spec, persons: o.persons, output: o.contribution };
}
