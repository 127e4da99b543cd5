import { createPublicKey, verify } from 'node:crypto';
import { recordLeafHash, AuditRecord } from '../../src/modules/audit/domain/audit-record';
import { verifyConsistency, verifyInclusion } from '../../src/modules/audit/domain/merkle-proofs';
import { MerkleTree } from '../../src/modules/audit/domain/merkle-tree';
import { eventually } from '../support/eventually';
import { callNode, DEV_ISSUER } from '../support/granted-permit';
import { TestFederation, TestNode } from '../support/test-federation';

interface Head {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  jws: string;
}
interface Placed {
  index: number | null;
  leafHash: string | null;
  entry: AuditRecord;
}

const b64 = (s: string) => Buffer.from(s, 'base64');

describe("the auditor's API", () => {
  let federation: TestFederation;
  let de: TestNode;
  let auditor: string;
  const bob = `${DEV_ISSUER}#bob`;

  beforeAll(async () => {
    federation = await TestFederation.create(['DE']);
    de = await federation.start('de');
    auditor = await federation.token('audra', ['auditor']);
    const researcher = await federation.token('bob', ['researcher']);
    await callNode(de, 'GET', '/v1/me', researcher);
    await callNode(de, 'GET', '/v1/audit', researcher);
    await callNode(de, 'GET', '/v1/me', researcher);
    // HTTP entries are written once the response is sent.
    await eventually(async () => {
      const page = await entries(`person=${encodeURIComponent(bob)}`);
      return page.entries.length === 3 ? true : undefined;
    });
  });

  afterAll(() => federation?.stop());

  const get = <T>(path: string) => callNode<T>(de, 'GET', path, auditor);
  const entries = async (query: string) =>
    (await get<{ entries: Placed[]; next: string | null }>(`/v1/audit/entries?${query}`)).body;

  it('is for auditors only', async () => {
    const researcher = await federation.token('alice', ['researcher']);
    const refused = await callNode(de, 'GET', '/v1/audit/tree/head', researcher);
    expect(refused.status).toBe(403);
    expect((await get('/v1/audit')).status).toBe(200);
  });

  it('selects entries by person, action and outcome, in pages, and exports them as JSON lines', async () => {
    const all = await entries(`person=${encodeURIComponent(bob)}`);
    // HTTP entries are written as their responses finish: seq order need not be request order.
    expect(all.entries.map((e) => [e.entry.action, e.entry.outcome]).sort()).toEqual([
      ['GET /v1/audit', 'denied'],
      ['GET /v1/me', 'success'],
      ['GET /v1/me', 'success'],
    ]);
    const seqs = all.entries.map((e) => Number(e.entry.seq));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    const refused = all.entries.find((e) => e.entry.outcome === 'denied')!;
    expect(refused.entry).toMatchObject({
      actorKind: 'user',
      actorId: bob,
      errorCode: 'REQUEST.FORBIDDEN',
      details: { status: 403, role: 'researcher' },
    });
    const denied = await entries(`person=${encodeURIComponent(bob)}&outcome=denied`);
    expect(denied.entries.map((e) => e.entry.seq)).toEqual([refused.entry.seq]);

    const mine = all.entries.filter((e) => e.entry.action === 'GET /v1/me').map((e) => e.entry.seq);
    const query = `person=${encodeURIComponent(bob)}&action=${encodeURIComponent('GET /v1/me')}`;
    const first = await entries(`${query}&limit=1`);
    expect([first.entries.map((e) => e.entry.seq), first.next]).toEqual([[mine[0]], mine[0]]);
    const second = await entries(`${query}&limit=1&after=${first.next}`);
    expect(second.entries.map((e) => e.entry.seq)).toEqual([mine[1]]);

    const times = all.entries.map((e) => e.entry.occurredAt).sort();
    const [from, to] = [times[0]!, times[2]!];
    const window = await entries(
      `person=${encodeURIComponent(bob)}&from=${from}&to=${encodeURIComponent(to)}`,
    );
    expect(window.entries.map((e) => e.entry.seq)).toEqual(
      all.entries
        .filter((e) => e.entry.occurredAt >= from && e.entry.occurredAt < to)
        .map((e) => e.entry.seq),
    );

    const res = await fetch(
      `${de.httpUrl}/v1/audit/entries?format=jsonl&person=${encodeURIComponent(bob)}`,
      { headers: { authorization: `Bearer ${auditor}` } },
    );
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Placed);
    expect(lines.map((l) => l.entry.seq)).toEqual(all.entries.map((e) => e.entry.seq));
  });

  it('signs tree heads any JWS implementation can check with the published key', async () => {
    const head = (await callNode<Head>(de, 'POST', '/v1/audit/tree/head', auditor)).body;
    const [header, payload, signature] = head.jws.split('.') as [string, string, string];
    const jwks = (await (await fetch(`${de.httpUrl}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string }[];
    };
    const protectedHeader = JSON.parse(Buffer.from(header, 'base64url').toString());
    expect(protectedHeader).toEqual({
      alg: 'EdDSA',
      kid: jwks.keys[0]!.kid,
      typ: 'spe-tree-head+jws',
    });
    const key = createPublicKey({ key: jwks.keys[0]!, format: 'jwk' });
    expect(
      verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
      iss: 'de',
      tree_size: head.treeSize,
      root_hash: head.rootHash,
      timestamp: new Date(head.timestamp).getTime(),
    });
    expect((await get<Head>('/v1/audit/tree/head')).body).toEqual(head);
  });

  it('serves leaves whose entries rebuild the signed root, and proofs that verify', async () => {
    const first = (await callNode<Head>(de, 'POST', '/v1/audit/tree/head', auditor)).body;
    const page = await get<{ treeSize: number; leaves: Placed[] }>(
      `/v1/audit/tree/leaves?start=0&end=${first.treeSize}`,
    );
    expect(page.body.leaves.map((l) => l.index)).toEqual([...Array(first.treeSize).keys()]);
    // Anyone can compute a leaf: SHA-256(0x00 || RFC 8785 JSON of the entry as served).
    const tree = MerkleTree.of(page.body.leaves.map((l) => recordLeafHash(l.entry)));
    expect(tree.root().toString('base64')).toBe(first.rootHash);

    const seq = page.body.leaves[2]!.entry.seq;
    const inclusion = await get<{
      index: number;
      treeSize: number;
      leafHash: string;
      proof: string[];
    }>(`/v1/audit/tree/inclusion-proof?seq=${seq}&treeSize=${first.treeSize}`);
    expect(inclusion.body.index).toBe(2);
    expect(
      verifyInclusion(
        2,
        first.treeSize,
        tree.leaf(2),
        inclusion.body.proof.map(b64),
        b64(first.rootHash),
      ),
    ).toBe(true);

    await callNode(de, 'GET', '/v1/me', auditor);
    const second = await eventually(async () => {
      const head = (await callNode<Head>(de, 'POST', '/v1/audit/tree/head', auditor)).body;
      return head.treeSize > first.treeSize ? head : undefined;
    });
    const consistency = await get<{ proof: string[] }>(
      `/v1/audit/tree/consistency-proof?first=${first.treeSize}&second=${second.treeSize}`,
    );
    expect(
      verifyConsistency(
        first.treeSize,
        second.treeSize,
        b64(first.rootHash),
        b64(second.rootHash),
        consistency.body.proof.map(b64),
      ),
    ).toBe(true);
  });

  it('refuses malformed queries and trees it does not have', async () => {
    expect((await get('/v1/audit/entries?outcome=maybe')).body.error?.code).toBe('REQUEST.INVALID');
    expect((await get('/v1/audit/entries?limit=5000')).body.error?.code).toBe('REQUEST.INVALID');
    expect((await get('/v1/audit/entries?colour=red')).body.error?.code).toBe('REQUEST.INVALID');
    expect((await get('/v1/audit/tree/leaves?start=5&end=5')).body.error?.code).toBe(
      'AUDIT.TREE_SIZE_INVALID',
    );
    const tooBig = await get('/v1/audit/tree/consistency-proof?first=1&second=999999');
    expect([tooBig.status, tooBig.body.error?.code]).toEqual([400, 'AUDIT.TREE_SIZE_INVALID']);
    const unknown = await get('/v1/audit/tree/inclusion-proof?seq=999999');
    expect(unknown.body.error?.code).toBe('AUDIT.NOT_IN_TREE');
  });

  it('states the retention and the oldest entry', async () => {
    const overview = await get<{ retention: { minimumYears: number; oldestEntryAt: string } }>(
      '/v1/audit',
    );
    expect(overview.body.retention.minimumYears).toBe(5);
    expect(new Date(overview.body.retention.oldestEntryAt).getTime()).toBeLessThanOrEqual(
      Date.now(),
    );
  });
});
