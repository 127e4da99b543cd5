import { AuditRecord, recordLeafHash } from '../domain/audit-record';
import { InclusionProof } from '../domain/log-difference';
import { MerkleTree } from '../domain/merkle-tree';
import { SignedTreeHead } from '../domain/tree-head';
import { verifyLog } from './log-verifier';
import { RemoteAuditLog, RemoteLeaf } from './remote-audit-log.port';

const entry = (i: number): AuditRecord => ({
  version: 1,
  seq: String(i + 1),
  occurredAt: new Date(Date.UTC(2025, 11, 1, 9, 0, i)).toISOString(),
  requestId: null,
  channel: 'http',
  actorKind: 'user',
  actorId: 'https://issuer#alice',
  action: 'GET /v1/me',
  permitId: null,
  outcome: 'success',
  errorCode: null,
  details: { status: 200 },
});

/** A node: the entries it serves now, and the tree (hashes) it stores and signed. */
class Node extends RemoteAuditLog {
  readonly signed = new Map<string, SignedTreeHead>();
  served: (AuditRecord | null)[];
  stored: MerkleTree;
  latest!: string;

  constructor(readonly entries: AuditRecord[]) {
    super();
    this.served = [...entries];
    this.stored = MerkleTree.of(entries.map(recordLeafHash));
    this.latest = this.sign(entries.length);
  }

  sign(size: number): string {
    const jws = `head-${this.signed.size}`;
    this.signed.set(jws, {
      issuer: 'de',
      treeSize: size,
      rootHash: this.stored.root(size),
      timestamp: new Date(),
      jws,
    });
    return jws;
  }

  async latestHead(): Promise<string> {
    return this.latest;
  }
  async leaves(start: number, end: number): Promise<RemoteLeaf[]> {
    return this.served
      .slice(start, end)
      .map((e, i) => ({ index: start + i, entry: e }))
      .filter((leaf) => leaf.entry !== undefined);
  }
  async inclusionProof(index: number, size: number): Promise<InclusionProof> {
    return { leafHash: this.stored.leaf(index), path: this.stored.inclusionProof(index, size) };
  }
  async consistencyProof(first: number, second: number): Promise<Buffer[]> {
    return this.stored.consistencyProof(first, second);
  }
}

const entries = Array.from({ length: 300 }, (_, i) => entry(i));
const verify = (node: Node, held: string[] = []) =>
  verifyLog(node, { checkSignature: async (jws) => node.signed.get(jws), heldHeads: held });

describe('verifying a node’s log without trusting the node', () => {
  it('passes a log that is what the node signed, checking its proofs', async () => {
    const node = new Node(entries);
    const held = node.sign(120);
    const result = await verify(node, [held]);
    expect(result).toMatchObject({ entries: 300, heldHeads: 1, proofs: 9 });
    expect(result.problem).toBeUndefined();
  });

  it('names an entry changed in the database', async () => {
    const node = new Node(entries);
    node.served[137] = { ...entries[137]!, outcome: 'denied' };
    expect((await verify(node)).problem).toMatchObject({
      kind: 'changed-entry',
      index: 137,
      entry: { seq: '138', outcome: 'denied' },
    });
  });

  it('names where an entry was deleted, with or without the places closed up', async () => {
    const node = new Node(entries);
    node.served[42] = null;
    expect((await verify(node)).problem).toMatchObject({ kind: 'missing-entry', index: 42 });
    node.served = [...entries.slice(0, 42), ...entries.slice(43)];
    expect((await verify(node)).problem).toMatchObject({
      kind: 'changed-entry',
      index: 42,
      entry: { seq: '44' },
    });
  });

  it('names the first of two entries swapped', async () => {
    const node = new Node(entries);
    node.served[10] = entries[250]!;
    node.served[250] = entries[10]!;
    expect((await verify(node)).problem).toMatchObject({ kind: 'changed-entry', index: 10 });
  });

  it('catches, with a peer’s held head, a node that rewrote its history and signed it again', async () => {
    const node = new Node(entries);
    const held = node.sign(200);
    const rewritten = entries.map((e, i) => (i === 77 ? { ...e, action: 'nothing' } : e));
    node.stored = MerkleTree.of(rewritten.map(recordLeafHash));
    node.served = rewritten;
    node.latest = node.sign(300);
    expect((await verify(node)).problem).toBeUndefined();
    // Its proofs fit its new tree only, so the difference is placed within what the held head covers.
    expect((await verify(node, [held])).problem).toMatchObject({
      kind: 'differs-within',
      start: 0,
      end: 200,
      head: { treeSize: 200 },
    });
  });

  it('refuses a head it cannot check, a rollback, and proofs that do not verify', async () => {
    const node = new Node(entries);
    expect((await verifyLog(node, { checkSignature: async () => undefined })).problem).toEqual({
      kind: 'unsigned-head',
      source: 'node',
    });
    const later = node.sign(300);
    node.latest = node.sign(250);
    expect((await verify(node, [later])).problem).toMatchObject({ kind: 'rollback' });
    node.latest = later;
    const held = node.sign(100);
    jest.spyOn(node, 'consistencyProof').mockRejectedValueOnce(new Error('HTTP 500'));
    expect((await verify(node, [held])).problem).toEqual({
      kind: 'bad-proof',
      what: 'consistency from 100 to 300 entries',
      reason: 'HTTP 500',
    });
    jest.spyOn(node, 'inclusionProof').mockResolvedValue({ leafHash: Buffer.alloc(32), path: [] });
    expect((await verify(node)).problem).toEqual({
      kind: 'bad-proof',
      what: 'inclusion of entry 0 in the tree of 300',
    });
  });
});
