import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LogProblem, LogVerification, verifyLog } from '../modules/audit/application/log-verifier';
import { SignedTreeHead } from '../modules/audit/domain/tree-head';
import { HttpRemoteAuditLog } from '../modules/audit/infrastructure/http-remote-audit-log';
import { verifyTreeHeadJws } from '../modules/audit/infrastructure/jose-tree-heads';
import { PublicJwk } from '../modules/federation/domain/federation-member';
import { registryFileSchema } from '../modules/federation/infrastructure/registry-file.schema';
import { UsageError } from './command';

const heldHeadsSchema = z.union([
  z.array(z.string().min(1)),
  z.object({ heads: z.array(z.union([z.string().min(1), z.object({ jws: z.string().min(1) })])) }),
]);

export interface AuditVerdict {
  readonly nodeId: string;
  readonly url: string;
  readonly verified: boolean;
  /** Entries in the signed head that was checked. */
  readonly treeSize?: number;
  readonly signedAt?: string;
  /** What was checked, a line each, for a person. */
  readonly lines: readonly string[];
  readonly verdict: string;
}

/**
 * Verifies a node's audit log through its auditor API, trusting nothing it
 * says: the latest signed head's signature (with the key in `registryFile`,
 * or else the key the node publishes), every entry against the head, the
 * heads a peer kept (`heldHeadsFile`), and the node's proofs.
 */
export async function verifyNodeAudit(options: {
  url: string;
  token: string;
  registryFile?: string;
  heldHeadsFile?: string;
  onProgress?: (fetched: number, total: number) => void;
}): Promise<AuditVerdict> {
  const log = new HttpRemoteAuditLog(options.url, options.token);
  const node = await log.node();
  const keys = options.registryFile
    ? registeredKeys(options.registryFile, node.id)
    : { keys: node.keys, source: 'published by the node itself (pass --registry to pin it)' };
  const held = options.heldHeadsFile ? readHeldHeads(options.heldHeadsFile) : [];
  const result = await verifyLog(log, {
    checkSignature: (jws) => verifyTreeHeadJws(jws, keys.keys, node.id),
    heldHeads: held,
    onProgress: options.onProgress,
  });
  return {
    nodeId: node.id,
    url: options.url,
    verified: !result.problem,
    treeSize: result.head?.treeSize,
    signedAt: result.head?.timestamp.toISOString(),
    lines: [
      `Verifying the audit log of node ${node.id} at ${options.url}`,
      `  signing key   ${keys.keys.map((k) => k.kid).join(', ')}, ${keys.source}`,
      ...report(result, held.length),
    ],
    verdict: verdict(node.id, result),
  };
}

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
