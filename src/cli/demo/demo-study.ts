import type { Role } from '../../modules/identity/domain/person';
import { verifyNodeAudit } from '../audit-verification';
import { ApiError } from '../client/api-error';
import type { ApplicationView, JobRequest, JobView } from '../client/api-types';
import { followJob } from '../client/follow-job';
import { SpeClient } from '../client/spe-client';
import { DemoAnalysis, DEMO_ANALYSES, SMALL_CELL_ANALYSIS } from './demo-analyses';
import { DEMO_DATASET, KeptCountryData } from './demo-data';
import type { AirlockReview, DemoFacts, DemoJob, DestructionFact } from './demo-facts';
import { describeResult } from './describe-result';
import { checkPermitSignatures, publishedKeys, verifiesAs } from './signatures';

export interface DemoNode {
  readonly id: string;
  readonly country: string;
  readonly httpUrl: string;
}

/** What the study runs against: running nodes, a way to get people's tokens, the kept data. */
export interface DemoSetting {
  readonly nodes: readonly DemoNode[];
  readonly lead: string;
  /** The issuer the nodes trust, as the permit names its users. */
  readonly issuer: string;
  readonly token: (subject: string, roles: Role[], hdab?: string) => Promise<string>;
  /** The federation's registry.json, to pin the keys the audit logs are checked with. */
  readonly registryFile: string;
  readonly data: readonly KeptCountryData[];
  readonly say: (line: string) => void;
  /** How long one stage may take before the demo gives up (default 60 s). */
  readonly stageTimeoutMs?: number;
}

const RESEARCHER = 'alice';
const POLL_MS = 250;

/**
 * The five stages of one three-country study, through the nodes' REST APIs
 * as a researcher, HDAB staff and an auditor would call them. Throws at the
 * first step that does not go as it must; returns what it saw.
 */
export async function runDemoStudy(setting: DemoSetting): Promise<DemoFacts> {
  const startedAt = new Date().toISOString();
  const { say } = setting;
  const timeout = setting.stageTimeoutMs ?? 60_000;
  const nodeIds = setting.nodes.map((n) => n.id);
  const client = (node: string) => new SpeClient(urlOf(setting, node));
  const researcherAt = async (node: string) =>
    client(node).as(await setting.token(RESEARCHER, ['researcher']));
  const staffAt = async (node: string, role: Role) =>
    client(node).as(await setting.token(`${role}-${node}`, [role], node));
  const researcher = await researcherAt(setting.lead);

  say(
    `\n1. Request: ${RESEARCHER}, a researcher, applies at ${setting.lead.toUpperCase()} for data of ${nodeIds.map((n) => n.toUpperCase()).join(', ')}`,
  );
  const lodged = await researcher.lodgeApplication({
    applicant: { name: 'Alice Martin', organisation: 'Charité – Universitätsmedizin Berlin' },
    purpose: 'scientific-research',
    title: 'Type 2 diabetes and cardiovascular events in three countries',
    description:
      'Does type 2 diabetes shorten the time to a first myocardial infarction or stroke, ' +
      'and which baseline factors go with it? Synthetic data, for a demonstration.',
    datasets: setting.nodes.map((n) => ({
      node: n.id,
      dataset: DEMO_DATASET,
      variables: setting.data.find((d) => d.node === n.id)!.variables,
    })),
    users: [{ issuer: setting.issuer, subject: RESEARCHER }],
    durationMonths: 12,
    pseudonymised: false,
    analysisKinds: ['count', 'summary', 'histogram', 'logistic-regression', 'kaplan-meier'],
  });
  const permitId = lodged.id;
  say(`   application ${permitId} lodged, decision due by ${lodged.decisionDueAt.slice(0, 10)}`);
  for (const node of nodeIds) {
    const reviewer = await staffAt(node, 'hdab-reviewer');
    await until(timeout, `the application to reach ${node}`, async () => {
      try {
        return await reviewer.decide(permitId, 'APPROVED', 'Fits Art 53(1)(e); data minimised.');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'PERMIT.NOT_FOUND') return undefined;
        throw error;
      }
    });
    say(`   ${node.toUpperCase()}'s HDAB approved its part and signed the permit`);
  }

  say(
    "\n2. Preparation: each node builds the permit's workspace (pseudonymised, only the permitted variables)",
  );
  let granted: ApplicationView | undefined;
  for (const node of nodeIds) {
    const view = await until(timeout, `the permit to become ACTIVE at ${node}`, async () => {
      const seen = await (await researcherAt(node)).application(permitId);
      return seen.status === 'ACTIVE' ? seen : undefined;
    });
    if (node === setting.lead) granted = view;
    say(`   ${node.toUpperCase()}: workspace ready, permit ACTIVE`);
  }
  const keys = await publishedKeys(setting.nodes);
  const jws = granted!.permit!;
  const signatures = await checkPermitSignatures(jws, keys);
  for (const s of signatures) {
    say(
      `   permit signature of ${s.node.toUpperCase()} (${s.alg}, kid ${s.kid}): ${s.verified ? 'valid' : 'INVALID'}`,
    );
  }
  if (signatures.length !== nodeIds.length || signatures.some((s) => !s.verified)) {
    throw new Error('The permit does not carry a valid signature of every participating HDAB');
  }

  say("\n3. Use: the researcher's analyses run at every node; only checked aggregates come back");
  const jobs: DemoJob[] = [];
  for (const analysis of DEMO_ANALYSES) {
    const job = await runJob(researcher, permitId, analysis, timeout);
    if (job.status !== 'COMPLETE')
      throw new Error(`"${analysis.title}" ended ${job.status}: ${JSON.stringify(job.nodes)}`);
    jobs.push(demoJob(analysis, job));
    say(`   ${analysis.title} (${analysis.kind}): COMPLETE`);
    for (const line of describeResult(analysis.kind, job.result?.result)) say(`      ${line}`);
  }

  say('\n   An output with small cells: the airlock holds it for a person to review');
  const airlock: AirlockReview[] = [];
  const small = await researcher.submitJob(jobRequest(permitId, SMALL_CELL_ANALYSIS));
  const held = await until(timeout, 'the small-cell output to be held', async () => {
    const view = await researcher.job(small.id);
    if (view.status !== 'RUNNING') return view;
    const settled = view.nodes.every((n) => n.state !== 'QUEUED' && n.state !== 'DISPATCHED');
    return settled ? view : undefined;
  });
  const holding = held.nodes.filter((n) => n.state === 'AWAITING_REVIEW');
  if (holding.length === 0)
    throw new Error(`No airlock held "${SMALL_CELL_ANALYSIS.title}" (${held.status})`);
  for (const part of holding) {
    say(
      `   ${part.node.toUpperCase()} holds its part: ${(part.findings ?? []).map((f) => `${f.rule} ${f.cell ?? ''} below ${f.threshold ?? ''}`.trim()).join('; ')}`,
    );
    const reviewer = await staffAt(part.node, 'hdab-reviewer');
    const output = (await reviewer.airlock('AWAITING_REVIEW')).find((o) => o.jobId === small.id);
    if (!output) throw new Error(`${part.node}'s airlock does not list the held output`);
    const reason =
      'Reviewed: the small cells describe synthetic persons only; released for the demonstration.';
    await reviewer.releaseOutput(output.id, reason);
    airlock.push({
      node: part.node,
      outputId: output.id,
      jobId: small.id,
      findings: output.findings,
      reviewer: `hdab-reviewer-${part.node}`,
      decision: 'RELEASED',
      reason,
    });
    say(`   ${part.node.toUpperCase()}'s reviewer released it`);
  }
  const released = await followJob(researcher, small.id, { timeoutMs: timeout });
  if (released.status !== 'COMPLETE')
    throw new Error(`The held output's job ended ${released.status}`);
  jobs.push(demoJob(SMALL_CELL_ANALYSIS, released));
  say(`   ${SMALL_CELL_ANALYSIS.title}: COMPLETE after review`);

  say("\n4. Archive: the lead's HDAB closes the permit; every node archives it");
  const admin = await staffAt(setting.lead, 'hdab-admin');
  await admin.closePermit(permitId, 'The study is finished.');
  const closedAt = new Date().toISOString();
  let refusedAfterClosure: string | undefined;
  try {
    await researcher.submitJob(jobRequest(permitId, DEMO_ANALYSES[0]!));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    refusedAfterClosure = error.code;
  }
  if (!refusedAfterClosure?.startsWith('PERMIT.'))
    throw new Error(
      `A job under the closed permit was not refused for the permit (${refusedAfterClosure ?? 'accepted'})`,
    );
  say(`   a new job under the closed permit is refused: ${refusedAfterClosure}`);

  say(
    '\n5. Destroy: under the demo policy each node destroys the workspace at once and signs a record',
  );
  const ended = await until(timeout, "every node to destroy the permit's data", async () => {
    const view = await admin.lifecycle(permitId);
    const records = view.records ?? [];
    return view.status === 'DESTROYED' &&
      records.length === nodeIds.length &&
      records.every((r) => r.record)
      ? view
      : undefined;
  });
  const destruction: DestructionFact[] = [];
  for (const r of ended.records!) {
    const verified = await verifiesAs(r.record!, r.node, keys);
    destruction.push({
      node: r.node,
      destroyedAt: r.destroyedAt,
      record: r.record!,
      content: r.content ?? {},
      verified,
    });
    const rows = (
      (r.content?.workspace as { tables?: { rows: number }[] } | null)?.tables ?? []
    ).reduce((n, t) => n + t.rows, 0);
    say(
      `   ${r.node.toUpperCase()}: destroyed ${rows} workspace rows and the pseudonym secret at ${r.destroyedAt}; record signature ${verified ? 'valid' : 'INVALID'}`,
    );
    if (!verified) throw new Error(`${r.node}'s destruction record does not verify`);
  }

  say("\n   The auditor verifies every node's log");
  const audit = [];
  for (const node of nodeIds) {
    const auditor = await setting.token('auditor', ['auditor'], node);
    await client(node).as(auditor).signTreeHead();
    const verdict = await verifyNodeAudit({
      url: urlOf(setting, node),
      token: auditor,
      registryFile: setting.registryFile,
    });
    audit.push(verdict);
    say(`   ${verdict.verdict}`);
    if (!verdict.verified) throw new Error(`${node}'s audit log did not verify`);
  }

  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    nodes: setting.nodes,
    lead: setting.lead,
    researcher: `${setting.issuer}#${RESEARCHER}`,
    data: setting.data,
    application: {
      id: granted!.id,
      title: granted!.title,
      purpose: granted!.purpose,
      applicant: granted!.applicant,
      datasets: granted!.datasets,
      receivedAt: granted!.receivedAt,
      decisions: granted!.decisions,
    },
    permit: {
      id: permitId,
      validFrom: granted!.validFrom,
      validUntil: granted!.validUntil,
      jws,
      signatures,
    },
    jobs,
    airlock,
    lifecycle: { closedAt, refusedAfterClosure, destruction },
    audit,
  };
}

async function runJob(
  client: SpeClient,
  permitId: string,
  analysis: DemoAnalysis,
  timeoutMs: number,
) {
  const submitted = await client.submitJob(jobRequest(permitId, analysis));
  return followJob(client, submitted.id, { timeoutMs });
}

function jobRequest(permitId: string, analysis: DemoAnalysis): JobRequest {
  return { permitId, kind: analysis.kind, params: analysis.params };
}

function demoJob(analysis: DemoAnalysis, job: JobView): DemoJob {
  return {
    title: analysis.title,
    id: job.id,
    kind: job.kind,
    spec: job.spec,
    status: job.status,
    nodes: job.nodes,
    rounds: (job.result as { rounds?: number } | undefined)?.rounds,
    result: job.result?.result,
  };
}

function urlOf(setting: DemoSetting, node: string): string {
  return setting.nodes.find((n) => n.id === node)!.httpUrl;
}

async function until<T>(
  timeoutMs: number,
  what: string,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
