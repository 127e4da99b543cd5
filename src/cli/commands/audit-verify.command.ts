import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  LogProblem,
  LogVerification,
  verifyLog,
} from '../../modules/audit/application/log-verifier';
import { SignedTreeHead } from '../../modules/audit/domain/tree-head';
import { HttpRemoteAuditLog } from '../../modules/audit/infrastructure/http-remote-audit-log';
import { verifyTreeHeadJws } from '../../modules/audit/infrastructure/jose-tree-heads';
import { PublicJwk } from '../../modules/federation/domain/federation-member';
import { registryFileSchema } from '../../modules/federation/infrastructure/registry-file.schema';
import { Command, UsageError } from '../command';
import { Progress } from '../progress';

const heldHeadsSchema = z.union([
  z.array(z.string().min(1)),
  z.object({ heads: z.array(z.union([z.string().min(1), z.object({ jws: z.string().min(1) })])) }),
]);

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
    const log = new HttpRemoteAuditLog(url, token);
    const node = await log.node();
    const keys = values.registry
      ? registeredKeys(String(values.registry), node.id)
      : { keys: node.keys, source: 'published by the node itself (pass --registry to pin it)' };
    const held = values.heads ? readHeldHeads(String(values.heads)) : [];

    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`Verifying the audit log of node ${node.id} at ${url}`);
    out(`  signing key   ${keys.keys.map((k) => k.kid).join(', ')}, ${keys.source}`);
    const progress = new Progress();
    const result = await verifyLog(log, {
      checkSignature: (jws) => verifyTreeHeadJws(jws, keys.keys, node.id),
      heldHeads: held,
      onProgress: (fetched, total) => progress.update(`  fetched ${fetched} of ${total} entries`),
    });
    progress.update('');
    for (const line of report(result, held.length)) out(line);
    out(verdict(node.id, result));
    return result.problem ? 1 : 0;
  },
};

function registeredKeys(file: string, nodeId: string): { keys: PublicJwk[]; source: string } {
  const registry = registryFileSchema.safeParse(readJson(file));
  if (!registry.success) throw new UsageError(`--registry: ${file} is not a federation registry`);
  const member = registry.data.nodes.find((n) => n.id === nodeId);
  if (!member) throw new UsageError(`--registry: ${file} has no node ${nodeId}`);
  return { keys: member.jwks.keys, source: `from the federation registry ${file}` };
}

function readHeldHeads(file: string): string[] {
  const parsed = heldHeadsSchema.safeParse(readJson(file));
  if (!parsed.success) {
    throw new UsageError(`--heads: ${file} is neither a peer's heads answer nor an array of JWS`);
  }
  const heads = Array.isArray(parsed.data) ? parsed.data : parsed.data.heads;
  return heads.map((h) => (typeof h === 'string' ? h : h.jws));
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}

const headLine = (head: SignedTreeHead) =>
  `${head.treeSize} entries, root ${head.rootHash.toString('base64')}, signed ${head.timestamp.toISOString()}`;

function report(result: LogVerification, heldGiven: number): string[] {
  if (!result.head) return [];
  const lines = [`  signed head   ${headLine(result.head)}`];
  if (result.problem?.kind === 'unsigned-head' || result.problem?.kind === 'rollback') return lines;
  lines.push(`  entries       ${result.entries} of ${result.head.treeSize} served`);
  if (heldGiven > 0) lines.push(`  held heads    ${result.heldHeads} checked`);
  if (!result.problem) lines.push(`  proofs        ${result.proofs} checked`);
  return lines;
}

function verdict(nodeId: string, result: LogVerification): string {
  if (!result.problem) {
    return (
      `Verdict: VERIFIED. Node ${nodeId}'s log holds exactly the ${result.head!.treeSize} entries ` +
      `it signed at ${result.head!.timestamp.toISOString()}, and its proofs hold.`
    );
  }
  return `Verdict: NOT VERIFIED. ${explain(nodeId, result.problem)}`;
}

function explain(nodeId: string, problem: LogProblem): string {
  switch (problem.kind) {
    case 'unsigned-head':
      return problem.source === 'node'
        ? `The node's latest tree head is not signed by node ${nodeId}'s key.`
        : `A head in --heads is not signed by node ${nodeId}'s key.`;
    case 'rollback':
      return (
        `Node ${nodeId} signed a head of ${problem.held.treeSize} entries ` +
        `(${problem.held.timestamp.toISOString()}) but now shows fewer: entries were removed.`
      );
    case 'missing-entry':
      return (
        `Entry ${problem.index} (in tree order) is missing: node ${nodeId} signed it into its head ` +
        `of ${problem.head.treeSize} entries (${problem.head.timestamp.toISOString()}).`
      );
    case 'changed-entry':
      return (
        `The first bad entry is entry ${problem.index} (in tree order)${describe(problem.entry)}: ` +
        `it is not the entry node ${nodeId} signed at that place in its head of ` +
        `${problem.head.treeSize} entries (${problem.head.timestamp.toISOString()}). ` +
        `It was changed, or entries were removed or moved before it.`
      );
    case 'differs-within':
      return (
        `The log is not the one node ${nodeId} signed in its head of ${problem.head.treeSize} ` +
        `entries (${problem.head.timestamp.toISOString()}): the first difference is among entries ` +
        `${problem.start} to ${problem.end - 1}, and the node's own hashes were rewritten too, so ` +
        `they cannot narrow it down.`
      );
    case 'bad-proof':
      return problem.reason
        ? `The node gave no proof of ${problem.what}: ${problem.reason}.`
        : `The node's proof of ${problem.what} does not verify.`;
  }
}

function describe(entry: unknown): string {
  const e = entry as Partial<Record<'seq' | 'action' | 'occurredAt' | 'outcome', string>> | null;
  if (!e || typeof e !== 'object') return '';
  return `, now served as seq ${e.seq}: ${e.action} at ${e.occurredAt}, ${e.outcome}`;
}
