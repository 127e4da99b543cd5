import type { JobView } from './api-types';
import { SpeClient } from './spe-client';

/**
 * Polls a job until it is no longer RUNNING, telling `onUpdate` each view;
 * with `timeoutMs`, gives up then, naming each node's state.
 */
export async function followJob(
  client: SpeClient,
  jobId: string,
  options: { pollMs?: number; timeoutMs?: number; onUpdate?: (job: JobView) => void } = {},
): Promise<JobView> {
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  for (;;) {
    const job = await client.job(jobId);
    options.onUpdate?.(job);
    if (job.status !== 'RUNNING') return job;
    if (Date.now() > deadline) {
      const parts = job.nodes.map((n) => `${n.node} ${n.state}${n.reason ? ` (${n.reason})` : ''}`);
      throw new Error(
        `Job ${jobId} was still running after ${options.timeoutMs! / 1000} s: ${parts.join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
  }
}
