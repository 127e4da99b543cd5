import type { JobView } from '../client/api-types';
import { resultCsv } from '../client/result-csv';
import { followJob } from '../client/follow-job';
import { SpeClient } from '../client/spe-client';
import { Command, UsageError } from '../command';
import { Progress } from '../progress';
import {
  clientOf,
  EXIT_HELP,
  parseJsonOption,
  readJsonFile,
  REMOTE_HELP,
  REMOTE_OPTIONS,
  required,
  requiredId,
} from '../remote';

const POLL_MS = 500;

export const jobSubmitCommand: Command = {
  name: 'job submit',
  summary: 'Researcher: run an analysis under a permit at every node holding the data',
  help: `Usage: spe job submit --permit ID --kind KIND (--params JSON | --params-file FILE) [--follow] --url URL --token TOKEN

Submits the job at the permit's lead and prints its id. The kinds and their
params are in docs/api.md (count, summary, histogram, linear-regression,
logistic-regression, kaplan-meier, cox-regression).

Options:
  --permit ID         the permit
  --kind KIND         the analysis
  --params JSON       its parameters, e.g. '{"dataset":"cardiometabolic","groupBy":["sex"]}'
  --params-file FILE  the same, from a file
  --follow            then follow it as "spe job follow" does
${REMOTE_HELP}

${EXIT_HELP}`,
  options: {
    ...REMOTE_OPTIONS,
    permit: { type: 'string' },
    kind: { type: 'string' },
    params: { type: 'string' },
    'params-file': { type: 'string' },
    follow: { type: 'boolean', default: false },
  },
  async run(values) {
    const permitId = requiredId(values, 'permit', 'the permit');
    const kind = required(values, 'kind', 'the analysis kind');
    if ((values.params === undefined) === (values['params-file'] === undefined))
      throw new UsageError('one of --params or --params-file');
    const params =
      values.params !== undefined
        ? parseJsonOption(String(values.params), 'params')
        : readJsonFile(String(values['params-file']), 'params-file');
    if (typeof params !== 'object' || params === null || Array.isArray(params))
      throw new UsageError('the params: a JSON object');
    const client = clientOf(values);
    const job = await client.submitJob({
      permitId,
      kind,
      params: params as Record<string, unknown>,
    });
    process.stdout.write(`${job.id}\n`);
    return values.follow ? follow(client, job.id) : 0;
  },
};

export const jobFollowCommand: Command = {
  name: 'job follow',
  summary: "Researcher: follow a job's progress at every node until it ends",
  help: `Usage: spe job follow --job ID --url URL --token TOKEN

Shows each node's state (queued, running, held for review, released, …)
as it changes, and the job's end.

Options:
  --job ID          the job
${REMOTE_HELP}

Exit status: 0 COMPLETE; 1 PARTIAL, FAILED or CANCELLED, or a refusal; 2 usage.`,
  options: { ...REMOTE_OPTIONS, job: { type: 'string' } },
  async run(values) {
    return follow(clientOf(values), requiredId(values, 'job', 'the job'));
  },
};

export const jobResultCommand: Command = {
  name: 'job result',
  summary: "Researcher: a finished job's pooled result, as JSON or CSV",
  help: `Usage: spe job result --job ID [--format json|csv] --url URL --token TOKEN

JSON: the result as the node gives it (result, contributors, missing
nodes). CSV: its table (cells, groups, bins, coefficients or survival bins).

Options:
  --job ID          the job
  --format F        json (default) or csv
${REMOTE_HELP}

Exit status: 0 printed; 1 the job has no result (yet), or a refusal; 2 usage.`,
  options: {
    ...REMOTE_OPTIONS,
    job: { type: 'string' },
    format: { type: 'string', default: 'json' },
  },
  async run(values) {
    const id = requiredId(values, 'job', 'the job');
    const format = String(values.format);
    if (format !== 'json' && format !== 'csv') throw new UsageError('--format: json or csv');
    const job = await clientOf(values).job(id);
    if (job.result?.result === undefined) {
      process.stderr.write(
        `Job ${id} is ${job.status} and has no result${job.result?.error ? `: ${job.result.error}` : ''}.\n`,
      );
      return 1;
    }
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(job.result, null, 2)}\n`
        : resultCsv(job.kind, job.result.result),
    );
    return 0;
  },
};

async function follow(client: SpeClient, jobId: string): Promise<number> {
  const progress = new Progress();
  const job = await followJob(client, jobId, {
    pollMs: POLL_MS,
    onUpdate: (view) => progress.update(progressLine(view)),
  });
  progress.step(progressLine(job));
  for (const part of job.nodes.filter((n) => n.state !== 'RELEASED')) {
    process.stderr.write(
      `  ${part.node}: ${part.state}${part.reason ? ` (${part.reason})` : ''}\n`,
    );
  }
  process.stdout.write(`${job.status}\n`);
  return job.status === 'COMPLETE' ? 0 : 1;
}

function progressLine(job: JobView): string {
  const round = job.progress.round > 1 ? ` round ${job.progress.round},` : '';
  const parts = job.nodes
    .map((n) => `${n.node} ${n.state.toLowerCase().replace(/_/g, ' ')}`)
    .join(', ');
  return `${job.kind} ${job.id.slice(0, 8)}: ${job.status.toLowerCase()},${round} ${job.progress.settled}/${job.progress.nodes} settled — ${parts}`;
}
