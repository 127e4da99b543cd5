import { Command } from '../command';
import { clientOf, EXIT_HELP, printTable, REMOTE_HELP, REMOTE_OPTIONS } from '../remote';
import { UsageError } from '../command';

const FILTERS = ['permit', 'person', 'peer', 'action', 'outcome', 'from', 'to', 'after'] as const;

export const auditQueryCommand: Command = {
  name: 'audit query',
  summary: "Auditor: a node's audit entries by permit, person, peer, action, outcome and time",
  help: `Usage: spe audit query [filters] [--limit N] [--json] --url URL --token TOKEN

Prints a page of entries in log order; when more match, the --after value
for the next page is printed on stderr. To check that the log is complete
and unaltered, use "spe audit verify".

Options:
  --permit ID       entries of one permit
  --person ISS#SUB  entries of one person (issuer#subject)
  --peer NODE       entries of one peer node
  --action NAME     e.g. job.submit, output.release, permit.destroyed
  --outcome O       success, denied, invalid or error
  --from ISO        from this instant (inclusive)
  --to ISO          to this instant (exclusive)
  --after SEQ       the page after this entry
  --limit N         1-1000 (default 100)
  --json            the entries as JSON lines
${REMOTE_HELP}

${EXIT_HELP}`,
  options: {
    ...REMOTE_OPTIONS,
    ...Object.fromEntries(FILTERS.map((f) => [f, { type: 'string' as const }])),
    limit: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  },
  async run(values) {
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new UsageError('--limit: 1 to 1000');
    const query = Object.fromEntries(FILTERS.map((f) => [f, values[f] as string | undefined]));
    const page = await clientOf(values).auditEntries({ ...query, limit });
    if (values.json) {
      for (const e of page.entries) process.stdout.write(`${JSON.stringify(e)}\n`);
    } else {
      printTable(
        ['seq', 'at', 'actor', 'action', 'permit', 'outcome'],
        page.entries.map(({ entry: e }) => [
          e.seq,
          e.occurredAt,
          e.actorId ?? e.actorKind,
          e.action,
          e.permitId ?? '',
          e.errorCode ? `${e.outcome} ${e.errorCode}` : e.outcome,
        ]),
        'No entries match.',
      );
    }
    if (page.next) process.stderr.write(`More entries: add --after ${page.next}\n`);
    return 0;
  },
};
