import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../src/cli/command';
import { auditVerifyCommand } from '../../src/cli/commands/audit-verify.command';
import { AuditTreeService } from '../../src/modules/audit/application/audit-tree.service';
import { HeadGossipService } from '../../src/modules/audit/application/head-gossip.service';
import { AuditRecord } from '../../src/modules/audit/domain/audit-record';
import { asDatabaseOwner, FORGET_THE_TREE } from '../support/audit-tampering';
import { callNode } from '../support/granted-permit';
import { TestFederation, TestNode } from '../support/test-federation';

describe('spe audit verify', () => {
  let federation: TestFederation;
  let de: TestNode;
  let fr: TestNode;
  let auditor: string;
  let registry: string;
  const scratch = mkdtempSync(join(tmpdir(), 'spe-verify-'));

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR']);
    de = await federation.start('de');
    fr = await federation.start('fr');
    auditor = await federation.token('audra', ['auditor']);
    registry = join(federation.dir, 'registry.json');
    const researcher = await federation.token('alice', ['researcher']);
    for (let i = 0; i < 20; i += 1) await callNode(de, 'GET', '/v1/me', researcher);
    await callNode(de, 'GET', '/v1/audit', researcher);
  }, 120_000);

  afterAll(async () => {
    await federation?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function verify(...extra: string[]) {
    const chunks: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      const code = await runCommand(auditVerifyCommand, [
        '--url',
        de.httpUrl,
        '--token',
        auditor,
        ...extra,
      ]);
      if (process.env.SHOW_VERDICTS) process.stderr.write(chunks.join(''));
      return { code, out: chunks.join('') };
    } finally {
      spy.mockRestore();
    }
  }

  /** Signs a head now and returns one entry well inside it. */
  async function signedEntry(): Promise<{ index: number; entry: AuditRecord; treeSize: number }> {
    const { treeSize } = await de.app.get(AuditTreeService).signHead();
    const index = Math.floor(treeSize / 2);
    const page = await callNode<{ leaves: { entry: AuditRecord }[] }>(
      de,
      'GET',
      `/v1/audit/tree/leaves?start=${index}&end=${index + 1}`,
      auditor,
    );
    return { index, entry: page.body.leaves[0]!.entry, treeSize };
  }

  it('verifies an untouched log against the head signed with the registered key', async () => {
    await signedEntry();
    const { code, out } = await verify('--registry', registry);
    expect(out).toContain('Verifying the audit log of node de');
    expect(out).toContain(`from the federation registry ${registry}`);
    expect(out).toMatch(/Verdict: VERIFIED\. Node de's log holds exactly the \d+ entries/);
    expect(code).toBe(0);
  });

  it('names an entry changed in the database, and verifies again once it is put back', async () => {
    const { index, entry } = await signedEntry();
    await asDatabaseOwner(de, [
      `UPDATE audit_log SET details = details || '{"edited": true}' WHERE seq = ${entry.seq}`,
    ]);
    const tampered = await verify('--registry', registry);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(
      `The first bad entry is entry ${index} (in tree order), now served as seq ${entry.seq}: ${entry.action}`,
    );
    await asDatabaseOwner(de, [
      `UPDATE audit_log SET details = details - 'edited' WHERE seq = ${entry.seq}`,
    ]);
    expect((await verify('--registry', registry)).code).toBe(0);
  });

  it('names the first of two entries whose places were swapped', async () => {
    const { index, entry, treeSize } = await signedEntry();
    const page = await callNode<{ leaves: { entry: AuditRecord }[] }>(
      de,
      'GET',
      `/v1/audit/tree/leaves?start=${treeSize - 2}&end=${treeSize - 1}`,
      auditor,
    );
    const later = page.body.leaves[0]!.entry.seq;
    const swap = (a: string, b: string) => [
      `UPDATE audit_log SET seq = -1 WHERE seq = ${a}`,
      `UPDATE audit_log SET seq = ${a} WHERE seq = ${b}`,
      `UPDATE audit_log SET seq = ${b} WHERE seq = -1`,
    ];
    await asDatabaseOwner(de, swap(entry.seq, later));
    const { code, out } = await verify('--registry', registry);
    expect(code).toBe(1);
    expect(out).toContain(
      `The first bad entry is entry ${index} (in tree order), now served as seq ${entry.seq}`,
    );
    await asDatabaseOwner(de, swap(entry.seq, later));
    expect((await verify('--registry', registry)).code).toBe(0);
  });

  it('names where an entry was deleted', async () => {
    const { index, entry } = await signedEntry();
    await asDatabaseOwner(de, [`DELETE FROM audit_log WHERE seq = ${entry.seq}`]);
    const { code, out } = await verify('--registry', registry);
    expect(code).toBe(1);
    expect(out).toContain(`Entry ${index} (in tree order) is missing: node de signed it`);
  });

  it("catches, with a peer's kept heads, a node that rebuilt its tree over a rewritten history", async () => {
    const gossip = fr.app.get(HeadGossipService);
    await gossip.check('de');
    // DE's operator changes an entry, rebuilds the tree over the log as it now is, and signs it.
    await asDatabaseOwner(de, [
      `UPDATE audit_log SET action = 'GET /v1/catalogue' WHERE action = 'GET /v1/audit'`,
      ...FORGET_THE_TREE,
    ]);
    await de.app.get(AuditTreeService).signHead();
    // Alone, the rewritten log is consistent with the node's new signature.
    expect((await verify('--registry', registry)).out).toContain('Verdict: VERIFIED');

    const kept = await callNode(fr, 'GET', '/v1/audit/peers/de/heads', auditor);
    const file = join(scratch, 'fr-heads-of-de.json');
    writeFileSync(file, JSON.stringify(kept.body));
    const { code, out } = await verify('--registry', registry, '--heads', file);
    expect(code).toBe(1);
    expect(out).toMatch(
      /Verdict: NOT VERIFIED\. The log is not the one node de signed in its head of \d+ entries/,
    );
  });

  it('refuses bad arguments with its usage', async () => {
    await expect(runCommand(auditVerifyCommand, ['--url', de.httpUrl])).rejects.toThrow('--token');
    await expect(
      runCommand(auditVerifyCommand, [
        '--url',
        de.httpUrl,
        '--token',
        auditor,
        '--heads',
        registry,
      ]),
    ).rejects.toThrow('--heads');
  });
});
