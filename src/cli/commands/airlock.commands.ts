import { Command, UsageError } from '../command';
import {
  clientOf,
  EXIT_HELP,
  printTable,
  REMOTE_HELP,
  REMOTE_OPTIONS,
  required,
  requiredId,
} from '../remote';

const STATES = ['AWAITING_REVIEW', 'RELEASED', 'REJECTED'] as const;

export const airlockListCommand: Command = {
  name: 'airlock list',
  summary: "HDAB reviewer: the outputs held in this node's airlock, with their checks",
  help: `Usage: spe airlock list [--state STATE] --url URL --token TOKEN

Options:
  --state STATE     ${STATES.join(', ')} (default AWAITING_REVIEW)
${REMOTE_HELP}

${EXIT_HELP}`,
  options: { ...REMOTE_OPTIONS, state: { type: 'string', default: 'AWAITING_REVIEW' } },
  async run(values) {
    const state = String(values.state);
    if (!(STATES as readonly string[]).includes(state))
      throw new UsageError(`--state: one of ${STATES.join(', ')}`);
    const held = await clientOf(values).airlock(state as (typeof STATES)[number]);
    printTable(
      ['id', 'job', 'kind', 'held at', 'submitted by', 'findings'],
      held.map((o) => [
        o.id,
        o.jobId,
        o.kind,
        o.heldAt,
        o.submittedBy.subject,
        o.findings
          .map(
            (f) => `${f.rule} ${f.cell ?? ''} ${f.value ?? ''}<${f.threshold ?? ''} ${f.outcome}`,
          )
          .join('; '),
      ]),
      'No outputs in that state.',
    );
    return 0;
  },
};

function reviewCommand(decision: 'release' | 'reject'): Command {
  return {
    name: `airlock ${decision}`,
    summary:
      decision === 'release'
        ? 'HDAB reviewer: release a held output (it leaves once enough reviewers released it)'
        : 'HDAB reviewer: reject a held output; it never leaves the node',
    help: `Usage: spe airlock ${decision} --id ID --reason TEXT --url URL --token TOKEN

Options:
  --id ID           the held output (spe airlock list)
  --reason TEXT     why (audited with your identity)
${REMOTE_HELP}

${EXIT_HELP}`,
    options: { ...REMOTE_OPTIONS, id: { type: 'string' }, reason: { type: 'string' } },
    async run(values) {
      const id = requiredId(values, 'id', 'the held output');
      const reason = required(values, 'reason', 'why');
      const client = clientOf(values);
      const view =
        decision === 'release'
          ? await client.releaseOutput(id, reason)
          : await client.rejectOutput(id, reason);
      process.stdout.write(
        `${view.id}: ${decision === 'release' ? 'released' : 'rejected'} by you; the output is ${view.state}.\n`,
      );
      return 0;
    },
  };
}

export const airlockReleaseCommand = reviewCommand('release');
export const airlockRejectCommand = reviewCommand('reject');
