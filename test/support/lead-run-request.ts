import { randomUUID } from 'node:crypto';
import { RunJobRequest } from '../../src/modules/jobs/application/job-peers.port';
import { specHashOf } from '../../src/modules/jobs/application/run-job.service';
import { SubmitterAssertions } from '../../src/modules/jobs/application/submitter-assertions.port';
import { canonicalJson } from '../../src/modules/permits/domain/canonical-json';
import { GeneralJws } from '../../src/modules/permits/domain/permit';
import { callNode, DEV_ISSUER } from './granted-permit';
import { TestNode } from './test-federation';

/**
 * A genuine RunJob request from `lead` for alice's count of `study` under
 * the permit (its JWS read with `token`), to send straight to a node;
 * `spec` changes the specification, `assertion` replaces the lead's.
 */
export async function leadRunRequest(
  lead: TestNode,
  permitId: string,
  token: string,
  change: { spec?: Record<string, unknown>; assertion?: string } = {},
): Promise<RunJobRequest> {
  const view = await callNode<{ permit: GeneralJws }>(
    lead,
    'GET',
    `/v1/applications/${permitId}`,
    token,
  );
  const spec = {
    jobId: randomUUID(),
    permitId,
    kind: 'count',
    params: { dataset: 'study', groupBy: [], filters: [] },
    submittedBy: { issuer: DEV_ISSUER, subject: 'alice' },
    submittedAt: lead.clock.now().toISOString(),
    ...change.spec,
  };
  const specJson = canonicalJson(spec);
  return {
    jobId: spec.jobId,
    permitJws: view.body.permit,
    specJson,
    round: 1,
    state: undefined,
    assertion: await lead.app.get(SubmitterAssertions).issue(
      {
        jobId: spec.jobId,
        permitId,
        specHash: specHashOf(specJson),
        submitter: spec.submittedBy,
      },
      lead.clock.now(),
    ),
  };
}
