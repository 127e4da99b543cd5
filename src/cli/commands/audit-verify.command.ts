import { verifyNodeAudit } from '../audit-verification';
import { Command, UsageError } from '../command';
import { Progress } from '../progress';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: "Verify a node's audit log against its signed tree heads, trusting nothing it says",
  help: `Usage: spe audit verify --url URL --token TOKEN [--registry FILE] [--heads FILE]

Checks the signature of the node's latest signed tree head, fetches every
entry through the auditor API, rebuilds the RFC 6962 tree from the entries
alone, compares it with that head (and with the node's heads a peer kept,
with --heads), and checks the node's consistency and inclusion proofs.
Prints a verdict; when the log is not what the node signed, names the first
entry that differs.

Options:
  --url URL         the node's REST API, e.g. http://127.0.0.1:3001
  --token TOKEN     a bearer token with the auditor role at that node
  --registry FILE   the federation's registry.json: check signatures with the
                    node's key as the federation registered it (without it, with
                    the key the node publishes itself)
  --heads FILE      heads of the node that a peer kept: the answer of
                    GET /v1/audit/peers/<node>/heads at the peer, saved to a file,
                    or a JSON array of compact JWS

Exit status: 0 verified; 1 not verified (the log, a signature or a proof is
wrong, or the node could not be read); 2 usage.`,
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    registry: { type: 'string' },
    heads: { type: 'string' },
  },
  async run(values) {
    const url = String(values.url ?? '');
    const token = String(values.token ?? '');
    if (!/^https?:\/\/\S+$/.test(url)) throw new UsageError('--url: the node, http(s)://host:port');
    if (!token) throw new UsageError('--token: a bearer token with the auditor role');
    const out = (line: string) => process.stdout.write(`${line}\n`);
    const progress = new Progress();
    const checked = await verifyNodeAudit({
      url,
      token,
      registryFile: values.registry ? String(values.registry) : undefined,
      heldHeadsFile: values.heads ? String(values.heads) : undefined,
      onProgress: (fetched, total) => progress.update(`  fetched ${fetched} of ${total} entries`),
    });
    progress.update('');
    for (const line of checked.lines) out(line);
    out(checked.verdict);
    return checked.verified ? 0 : 1;
  },
};
