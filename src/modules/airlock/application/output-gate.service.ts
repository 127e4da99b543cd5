import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UseConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { Transaction } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import type {
  AnyAnalysisKind,
  LocalQuery,
  OutputRules,
  WorkspaceTable,
} from '../../analysis/domain/analysis-kind';
import { strictestRules } from '../../analysis/domain/checks/strictest';
import { filtersOf } from '../../analysis/domain/filters';
import {
  type PopulationCounts,
  populationQuery,
  readPopulation,
} from '../../analysis/domain/population-sql';
import type { JobSpec } from '../../jobs/domain/job';
import { deliveryOf } from '../domain/airlock.rules';
import {
  GateDecision,
  gateDecision,
  graded,
  outputStatus,
  publicFindings,
} from '../domain/output-gate.rules';
import { populationFindings, ReleasedPopulation } from '../domain/population.rules';
import { AirlockRepository } from './airlock-repository.port';
import { ReleasedPopulations } from './released-populations.port';

/** A run's output as the gate takes it: the contribution, the kind's evidence and its population's counts. */
export interface GateInput {
  readonly contribution: unknown;
  /** Node-only evidence of the kind's checks; it never leaves the node. */
  readonly evidence?: unknown;
  readonly population: GatePopulation;
}

/** The population a run described, counted against those released before under its permit. */
export interface GatePopulation {
  readonly counts: PopulationCounts;
  readonly earlier: readonly ReleasedPopulation[];
}

/**
 * The one place where a contribution can leave this node: every
 * contribution passes the node's output checks here, under the strictest of
 * the node's own rules and those the job carries from its other
 * participants. What passes leaves at once (if the node's policy allows);
 * what does not waits in the airlock for this node's reviewers, or is
 * blocked outright. The checks and the decision are audited in the caller's
 * transaction. Only what this returns as RELEASED, or what a reviewer
 * releases, may be sent.
 */
@Injectable()
export class OutputGate {
  constructor(
    private readonly audit: AuditService,
    private readonly airlock: AirlockRepository,
    private readonly populations: ReleasedPopulations,
    private readonly clock: Clock,
    private readonly config: UseConfig,
  ) {}

  /**
   * The one-pass statement that counts a job's population (its subset, the
   * complement, and its distance to every population released before under
   * the permit), and how to read its rows; no statement when there is
   * nothing to count: every person, where only every person was released
   * before (no subset to check, no distance but 0).
   */
  async populationCheck(
    spec: JobSpec,
    table: WorkspaceTable,
  ): Promise<{
    query: LocalQuery | null;
    read(rows: readonly Record<string, unknown>[]): GatePopulation;
  }> {
    const filters = filtersOf(spec.params);
    const earlier = await this.populations.of(spec.permitId, spec.params.dataset);
    if (filters.length === 0 && earlier.every((population) => population.filters.length === 0)) {
      const counts = { subset: 0, complement: 0, differences: earlier.map(() => 0) };
      return { query: null, read: () => ({ counts, earlier }) };
    }
    return {
      query: populationQuery(
        filters,
        table,
        earlier.map((population) => population.filters),
      ),
      read: (rows) => ({ counts: readPopulation(rows, earlier.length), earlier }),
    };
  }

  /** The rules a job's output is checked under: this node's, made stricter by those the job carries. */
  rulesFor(spec: JobSpec): OutputRules {
    return strictestRules(this.config.outputRules, spec.rules ? [spec.rules] : []);
  }

  async pass(
    run: { readonly spec: JobSpec; readonly round: number; readonly lead: string },
    kind: AnyAnalysisKind,
    input: GateInput,
    tx: Transaction,
  ): Promise<GateDecision> {
    const rules = this.rulesFor(run.spec);
    const withheld: unknown = kind.suppress(input.contribution, rules);
    const persons: number = kind.persons(withheld);
    const releasable: unknown =
      this.config.airlock.suppressTables && kind.suppressCells
        ? kind.suppressCells(withheld, rules)
        : withheld;
    const findings = graded([
      ...kind.check(releasable, rules, input.evidence),
      ...populationFindings(
        input.population.counts,
        filtersOf(run.spec.params).length > 0,
        input.population.earlier,
        rules,
      ),
    ]);
    const decision = gateDecision(findings, releasable, persons, this.config.airlock);
    let outputId: string | undefined;
    if (decision.outcome === 'AWAITING_REVIEW') {
      outputId = randomUUID();
      await this.airlock.hold(
        {
          id: outputId,
          jobId: run.spec.jobId,
          round: run.round,
          permitId: run.spec.permitId,
          lead: run.lead,
          spec: run.spec,
          contribution: releasable,
          persons,
          findings,
          status: outputStatus(findings),
          heldAt: this.clock.now(),
        },
        tx,
      );
    }
    if (decision.outcome === 'RELEASED') await this.rememberPopulation(run.spec, tx);
    await this.audit.record(
      {
        channel: 'internal',
        actor: { kind: 'system' },
        action: ACTIONS[decision.outcome],
        permitId: run.spec.permitId,
        outcome: 'success',
        details: {
          jobId: run.spec.jobId,
          round: run.round,
          kind: kind.name,
          status: outputStatus(findings),
          findings: publicFindings(findings),
          rules,
          ...(outputId && { outputId }),
        },
      },
      tx,
    );
    return decision;
  }

  /** Remembers the population a released output of this job described. */
  rememberPopulation(spec: JobSpec, tx: Transaction): Promise<void> {
    return this.populations.remember(
      spec.permitId,
      spec.params.dataset,
      filtersOf(spec.params),
      spec.jobId,
      this.clock.now(),
      tx,
    );
  }

  /** The decision for a run held in the airlock, as it stands now; undefined if none was held. */
  async current(jobId: string, round: number): Promise<GateDecision | undefined> {
    const held = await this.airlock.forRun(jobId, round);
    if (!held) return undefined;
    return held.state === 'AWAITING_REVIEW'
      ? { outcome: 'AWAITING_REVIEW', findings: publicFindings(held.findings) }
      : deliveryOf(held);
  }
}

const ACTIONS = {
  RELEASED: 'output.release',
  AWAITING_REVIEW: 'output.hold',
  BLOCKED: 'output.block',
} as const;
