import type { Role } from '../../modules/identity/domain/person';
import { AuditVerdict, verifyNodeAudit } from '../audit-verification';
import { ApiError } from '../client/api-error';
import type { ApplicationView, JobRequest, JobView } from '../client/api-types';
import { followJob } from '../client/follow-job';
import { SpeClient } from '../client/spe-client';
import { DemoAnalysis, DEMO_ANALYSES, SMALL_CELL_ANALYSIS } from './demo-analyses';
import { DEMO_DATASET, KeptCountryData } from './demo-data';
import {
  type AirlockReview,
  type DemoFacts,
  type DemoJob,
  type DestructionFact,
  workspaceRows,
} from './demo-facts';
import { describeResult } from './describe-result';
import { checkPermitSignatures, PublishedKeys, publishedKeys, verifiesAs } from './signatures';

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
  const study = new DemoStudy(setting);
  const lodged = await study.request();
  const { granted, signatures, keys } = await study.prepare(lodged.id);
  const jobs = await study.use(lodged.id);
  const { job: reviewed, reviews } = await study.review(lodged.id);
  const closure = await study.archive(lodged.id);
  const destruction = await study.destroy(lodged.id, keys);
  const audit = await study.audit();
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    nodes: setting.nodes,
    lead: setting.lead,
    researcher: `${setting.issuer}#${RESEARCHER}`,
    data: setting.data,
    application: {
      id: granted.id,
      title: granted.title,
      purpose: granted.purpose,
      applicant: granted.applicant,
      datasets: granted.datasets,
      receivedAt: granted.receivedAt,
      decisions: granted.decisions,
    },
    permit: {
      id: granted.id,
      validFrom: granted.validFrom,
      validUntil: granted.validUntil,
      jws: granted.permit!,
      signatures,
    },
    jobs: [...jobs, reviewed],
    airlock: reviews,
    lifecycle: { ...closure, destruction },
    audit,
  };
}

class DemoStudy {
  private readonly say: (line: string) => void;
  private readonly timeout: number;
  private readonly nodeIds: string[];

  constructor(private readonly setting: DemoSetting) {
    this.say = setting.say;
    this.timeout = setting.stageTimeoutMs ?? 60_000;
    this.nodeIds = setting.nodes.map((n) => n.id);
  }

  /** The researcher applies at the lead for every country's data; each HDAB approves. */
  async request(): Promise<ApplicationView> {
    const { setting, say } = this;
    say(
      `\n1. Request: ${RESEARCHER}, a researcher, applies at ${upper(setting.lead)} for data of ${this.nodeIds.map(upper).join(', ')}`,
    );
    const lodged = await (
      await this.researcherAt(setting.lead)
    ).lodgeApplication({
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
    say(`   application ${lodged.id} lodged, decision due by ${lodged.decisionDueAt.slice(0, 10)}`);
    for (const node of this.nodeIds) {
      const reviewer = await this.staffAt(node, 'hdab-reviewer');
      await until(this.timeout, `the application to reach ${node}`, async () => {
        try {
          return await reviewer.decide(lodged.id, 'APPROVED', 'Fits Art 53(1)(e); data minimised.');
        } catch (error) {
          if (error instanceof ApiError && error.code === 'PERMIT.NOT_FOUND') return undefined;
          throw error;
        }
      });
      say(`   ${upper(node)}'s HDAB approved its part and signed the permit`);
    }
    return lodged;
  }

  /** Waits for every workspace and checks that the permit carries every HDAB's valid signature. */
  async prepare(permitId: string) {
    this.say(
      "\n2. Preparation: each node builds the permit's workspace (pseudonymised, only the permitted variables)",
    );
    let granted: ApplicationView | undefined;
    for (const node of this.nodeIds) {
      const researcher = await this.researcherAt(node);
      const view = await until(this.timeout, `the permit to become ACTIVE at ${node}`, async () => {
        const seen = await researcher.application(permitId);
        return seen.status === 'ACTIVE' ? seen : undefined;
      });
      if (node === this.setting.lead) granted = view;
      this.say(`   ${upper(node)}: workspace ready, permit ACTIVE`);
    }
    const keys = await publishedKeys(this.setting.nodes);
    const signatures = await checkPermitSignatures(granted!.permit!, keys);
    for (const s of signatures) {
      this.say(
        `   permit signature of ${upper(s.node)} (${s.alg}, kid ${s.kid}): ${s.verified ? 'valid' : 'INVALID'}`,
      );
    }
    if (signatures.length !== this.nodeIds.length || signatures.some((s) => !s.verified)) {
      throw new Error('The permit does not carry a valid signature of every participating HDAB');
    }
    return { granted: granted!, signatures, keys };
  }

  /** Runs each analysis; every one must come back COMPLETE. */
  async use(permitId: string): Promise<DemoJob[]> {
    this.say(
      "\n3. Use: the researcher's analyses run at every node; only checked aggregates come back",
    );
    const researcher = await this.researcherAt(this.setting.lead);
    const jobs: DemoJob[] = [];
    for (const analysis of DEMO_ANALYSES) {
      const submitted = await researcher.submitJob(jobRequest(permitId, analysis));
      const job = await followJob(researcher, submitted.id, { timeoutMs: this.timeout });
      if (job.status !== 'COMPLETE')
        throw new Error(`"${analysis.title}" ended ${job.status}: ${JSON.stringify(job.nodes)}`);
      jobs.push(demoJob(analysis, job));
      this.say(`   ${analysis.title} (${analysis.kind}): COMPLETE`);
      for (const line of describeResult(analysis.kind, job.result?.result))
        this.say(`      ${line}`);
    }
    return jobs;
  }

  /** Runs the small-cell count; the reviewer of each node that holds it releases it. */
  async review(permitId: string): Promise<{ job: DemoJob; reviews: AirlockReview[] }> {
    const { say } = this;
    say('\n   An output with small cells: the airlock holds it for a person to review');
    const researcher = await this.researcherAt(this.setting.lead);
    const small = await researcher.submitJob(jobRequest(permitId, SMALL_CELL_ANALYSIS));
    const held = await until(this.timeout, 'the small-cell output to be held', async () => {
      const view = await researcher.job(small.id);
      if (view.status !== 'RUNNING') return view;
      const sent = view.nodes.every((n) => n.state !== 'QUEUED' && n.state !== 'DISPATCHED');
      return sent ? view : undefined;
    });
    const holding = held.nodes.filter((n) => n.state === 'AWAITING_REVIEW');
    if (holding.length === 0)
      throw new Error(`No airlock held "${SMALL_CELL_ANALYSIS.title}" (${held.status})`);
    const reviews: AirlockReview[] = [];
    for (const part of holding) {
      const findings = (part.findings ?? []).map((f) =>
        `${f.rule} ${f.cell ?? ''} below ${f.threshold ?? ''}`.trim(),
      );
      say(`   ${upper(part.node)} holds its part: ${findings.join('; ')}`);
      const reviewer = await this.staffAt(part.node, 'hdab-reviewer');
      const output = (await reviewer.airlock('AWAITING_REVIEW')).find((o) => o.jobId === small.id);
      if (!output) throw new Error(`${part.node}'s airlock does not list the held output`);
      const reason =
        'Reviewed: the small cells describe synthetic persons only; released for the demonstration.';
      await reviewer.releaseOutput(output.id, reason);
      reviews.push({
        node: part.node,
        outputId: output.id,
        jobId: small.id,
        findings: output.findings,
        reviewer: `hdab-reviewer-${part.node}`,
        decision: 'RELEASED',
        reason,
      });
      say(`   ${upper(part.node)}'s reviewer released it`);
    }
    const released = await followJob(researcher, small.id, { timeoutMs: this.timeout });
    if (released.status !== 'COMPLETE')
      throw new Error(`The held output's job ended ${released.status}`);
    say(`   ${SMALL_CELL_ANALYSIS.title}: COMPLETE after review`);
    return { job: demoJob(SMALL_CELL_ANALYSIS, released), reviews };
  }

  /** The lead's HDAB closes the permit; a job submitted afterwards must be refused. */
  async archive(permitId: string) {
    this.say("\n4. Archive: the lead's HDAB closes the permit; every node archives it");
    await (
      await this.staffAt(this.setting.lead, 'hdab-admin')
    ).closePermit(permitId, 'The study is finished.');
    const closedAt = new Date().toISOString();
    let refusedAfterClosure: string | undefined;
    try {
      const researcher = await this.researcherAt(this.setting.lead);
      await researcher.submitJob(jobRequest(permitId, DEMO_ANALYSES[0]!));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      refusedAfterClosure = error.code;
    }
    if (!refusedAfterClosure?.startsWith('PERMIT.'))
      throw new Error(
        `A job under the closed permit was not refused for the permit (${refusedAfterClosure ?? 'accepted'})`,
      );
    this.say(`   a new job under the closed permit is refused: ${refusedAfterClosure}`);
    return { closedAt, refusedAfterClosure };
  }

  /** Waits until the lead holds every node's destruction record, and checks each signature. */
  async destroy(permitId: string, keys: PublishedKeys): Promise<DestructionFact[]> {
    this.say(
      '\n5. Destroy: under the demo policy each node destroys the workspace at once and signs a record',
    );
    const admin = await this.staffAt(this.setting.lead, 'hdab-admin');
    const ended = await until(this.timeout, "every node to destroy the permit's data", async () => {
      const view = await admin.lifecycle(permitId);
      const records = (view.records ?? []).filter((r) => r.record);
      return view.status === 'DESTROYED' && records.length === this.nodeIds.length
        ? records
        : undefined;
    });
    const destruction: DestructionFact[] = [];
    for (const r of ended) {
      const verified = await verifiesAs(r.record!, r.node, keys);
      destruction.push({
        node: r.node,
        destroyedAt: r.destroyedAt,
        record: r.record!,
        content: r.content ?? {},
        verified,
      });
      this.say(
        `   ${upper(r.node)}: destroyed ${workspaceRows(r.content)} workspace rows and the pseudonym secret at ${r.destroyedAt}; record signature ${verified ? 'valid' : 'INVALID'}`,
      );
      if (!verified) throw new Error(`${r.node}'s destruction record does not verify`);
    }
    return destruction;
  }

  /** Has each node sign a head now, then verifies its whole log against it. */
  async audit(): Promise<AuditVerdict[]> {
    this.say("\n   The auditor verifies every node's log");
    const verdicts: AuditVerdict[] = [];
    for (const node of this.nodeIds) {
      const auditor = await this.setting.token('auditor', ['auditor'], node);
      await new SpeClient(this.urlOf(node), auditor).signTreeHead();
      const verdict = await verifyNodeAudit({
        url: this.urlOf(node),
        token: auditor,
        registryFile: this.setting.registryFile,
      });
      verdicts.push(verdict);
      this.say(`   ${verdict.verdict}`);
      if (!verdict.verified) throw new Error(`${node}'s audit log did not verify`);
    }
    return verdicts;
  }

  private async researcherAt(node: string): Promise<SpeClient> {
    return new SpeClient(this.urlOf(node), await this.setting.token(RESEARCHER, ['researcher']));
  }

  private async staffAt(node: string, role: Role): Promise<SpeClient> {
    return new SpeClient(
      this.urlOf(node),
      await this.setting.token(`${role}-${node}`, [role], node),
    );
  }

  private urlOf(node: string): string {
    return this.setting.nodes.find((n) => n.id === node)!.httpUrl;
  }
}

const upper = (node: string) => node.toUpperCase();

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
