import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../src/cli/client/api-error';
import { Command, runCommand, UsageError } from '../../src/cli/command';
import {
  applicationsDecideCommand,
  applicationsListCommand,
  applyCommand,
  permitRevokeCommand,
  permitsListCommand,
} from '../../src/cli/commands/application.commands';
import {
  airlockListCommand,
  airlockRejectCommand,
  airlockReleaseCommand,
} from '../../src/cli/commands/airlock.commands';
import { auditQueryCommand } from '../../src/cli/commands/audit-query.command';
import {
  jobFollowCommand,
  jobResultCommand,
  jobSubmitCommand,
} from '../../src/cli/commands/job.commands';
import { eventually } from '../support/eventually';
import { DEV_ISSUER } from '../support/granted-permit';
import { loadStudy, studyRows } from '../support/study-data';
import { TestFederation, TestNode } from '../support/test-federation';

/**
 * The people's commands against two real nodes, as each person would type
 * them: the researcher applies, both HDABs decide, FR's reviewer releases
 * one output and rejects another, the researcher follows jobs and fetches a
 * result as CSV, DE's admin revokes, the auditor queries. Errors are clear
 * and end the command with a failure.
 */

const ROWS = { de: studyRows(1, 60), fr: studyRows(2, 50) };

describe('spe: the commands of researchers, HDAB staff and auditors', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};
  let scratch: string;
  let permitId: string;
  let researcher: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'spe-cli-'));
    federation = await TestFederation.create(['DE', 'FR']);
    nodes.de = await federation.start('de');
    // FR's reviewer looks at every output before it leaves.
    nodes.fr = await federation.start('fr', { AIRLOCK_AUTO_RELEASE: 'false' });
    await loadStudy(nodes.de, ROWS.de);
    await loadStudy(nodes.fr, ROWS.fr);
    researcher = await federation.token('alice', ['researcher']);
  }, 120_000);

  afterAll(async () => {
    await federation?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const staff = (node: string, role: 'hdab-reviewer' | 'hdab-admin' | 'auditor') =>
    federation.token(`${role}-${node}`, [role], { hdab: node });

  async function spe(command: Command, node: string, token: string, ...args: string[]) {
    const out: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await runCommand(command, [
        '--url',
        nodes[node]!.httpUrl,
        '--token',
        token,
        ...args,
      ]);
      return { code, out: out.join('') };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }

  it('a researcher applies; each HDAB lists what awaits it and approves; the permit becomes active', async () => {
    const file = join(scratch, 'application.json');
    writeFileSync(
      file,
      JSON.stringify({
        applicant: { name: 'Alice Martin', organisation: 'Charité Research' },
        purpose: 'scientific-research',
        title: 'A study through the command line',
        description: 'Checking that the command line reaches every stage of a permit.',
        datasets: ['de', 'fr'].map((node) => ({
          node,
          dataset: 'study',
          variables: ['grp', 'flag'],
        })),
        users: [{ issuer: DEV_ISSUER, subject: 'alice' }],
        durationMonths: 12,
        pseudonymised: false,
        analysisKinds: ['count'],
      }),
    );
    const applied = await spe(applyCommand, 'de', researcher, '--file', file);
    expect(applied.code).toBe(0);
    permitId = applied.out.split('\n')[0]!;
    expect(applied.out).toContain('Lodged at de for de, fr');

    for (const node of ['de', 'fr']) {
      const reviewer = await staff(node, 'hdab-reviewer');
      await eventually(async () => {
        const pending = await spe(applicationsListCommand, node, reviewer, '--pending');
        return pending.out.includes(permitId) ? true : undefined;
      });
      const decided = await spe(
        applicationsDecideCommand,
        node,
        reviewer,
        '--id',
        permitId,
        '--approve',
        '--reason',
        'Fits the purpose.',
      );
      expect(decided).toMatchObject({ code: 0, out: expect.stringContaining('approved') });
    }
    await eventually(async () => {
      const list = await spe(permitsListCommand, 'de', researcher);
      return list.out.includes(`${permitId}  ACTIVE`) ? true : undefined;
    }, 20_000);
  });

  it("a job waits for FR's reviewer, who releases it; the researcher follows it and fetches the result as CSV", async () => {
    const submitted = await spe(
      jobSubmitCommand,
      'de',
      researcher,
      '--permit',
      permitId,
      '--kind',
      'count',
      '--params',
      '{"dataset":"study","groupBy":["grp"]}',
    );
    expect(submitted.code).toBe(0);
    const jobId = submitted.out.trim();
    const reviewer = await staff('fr', 'hdab-reviewer');
    const outputId = await eventually(async () => {
      const held = await spe(airlockListCommand, 'fr', reviewer);
      return held.out
        .split('\n')
        .find((line) => line.includes(jobId))
        ?.split(' ')[0];
    });
    const released = await spe(
      airlockReleaseCommand,
      'fr',
      reviewer,
      '--id',
      outputId,
      '--reason',
      'Counts are large enough.',
    );
    expect(released).toMatchObject({ code: 0, out: expect.stringContaining('released') });
    const followed = await spe(jobFollowCommand, 'de', researcher, '--job', jobId);
    expect(followed).toEqual({ code: 0, out: 'COMPLETE\n' });

    const csv = await spe(jobResultCommand, 'de', researcher, '--job', jobId, '--format', 'csv');
    const pooled = [...ROWS.de, ...ROWS.fr];
    const expected = ['a', 'b', 'c'].map((g) => `${g},${pooled.filter((r) => r.grp === g).length}`);
    expect(csv.out).toBe(`grp,count\n${expected.join('\n')}\n`);
    const json = await spe(jobResultCommand, 'de', researcher, '--job', jobId);
    expect(JSON.parse(json.out)).toMatchObject({
      status: 'COMPLETE',
      result: { total: pooled.length - pooled.filter((r) => r.grp === null).length },
    });
  });

  it('a rejected output leaves the job PARTIAL, and following it fails', async () => {
    const submitted = await spe(
      jobSubmitCommand,
      'de',
      researcher,
      '--permit',
      permitId,
      '--kind',
      'count',
      '--params',
      '{"dataset":"study"}',
    );
    const jobId = submitted.out.trim();
    const reviewer = await staff('fr', 'hdab-reviewer');
    const outputId = await eventually(async () => {
      const held = await spe(airlockListCommand, 'fr', reviewer);
      return held.out
        .split('\n')
        .find((line) => line.includes(jobId))
        ?.split(' ')[0];
    });
    await spe(airlockRejectCommand, 'fr', reviewer, '--id', outputId, '--reason', 'Not needed.');
    const followed = await spe(jobFollowCommand, 'de', researcher, '--job', jobId);
    expect(followed).toEqual({ code: 1, out: 'PARTIAL\n' });
  });

  it("errors are clear: a usage mistake names the option, a refusal carries the node's code", async () => {
    await expect(runCommand(permitsListCommand, ['--url', nodes.de!.httpUrl])).rejects.toThrow(
      UsageError,
    );
    await expect(spe(jobResultCommand, 'de', researcher, '--job', 'not-a-job')).rejects.toThrow(
      '--job',
    );
    await expect(
      spe(
        applicationsDecideCommand,
        'fr',
        await staff('fr', 'hdab-reviewer'),
        '--id',
        permitId,
        '--reject',
        '--reason',
        'Changed my mind.',
      ),
    ).rejects.toThrow(
      expect.objectContaining({ code: 'DECISION.NOT_PENDING', status: 400 }) as ApiError,
    );
    await expect(
      spe(permitRevokeCommand, 'de', researcher, '--id', permitId, '--reason', 'No.'),
    ).rejects.toThrow(expect.objectContaining({ code: 'REQUEST.FORBIDDEN' }) as ApiError);
  });

  it("DE's admin revokes the permit; the auditor finds the revocation in DE's log", async () => {
    const revoked = await spe(
      permitRevokeCommand,
      'de',
      await staff('de', 'hdab-admin'),
      '--id',
      permitId,
      '--reason',
      'The study broke its terms.',
    );
    expect(revoked).toMatchObject({ code: 0, out: expect.stringContaining('ARCHIVED') });
    const audited = await spe(
      auditQueryCommand,
      'de',
      await staff('de', 'auditor'),
      '--permit',
      permitId,
      '--json',
    );
    expect(audited.code).toBe(0);
    const actions = audited.out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { entry: { action: string } }).entry.action);
    expect(actions).toEqual(expect.arrayContaining(['job.submit']));
    expect(actions.some((a) => a.includes('revoke'))).toBe(true);
  });
});
