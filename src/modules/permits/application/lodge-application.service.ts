import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { CatalogueService } from '../../catalogue/application/catalogue.service';
import { FederationDirectory } from '../../federation/application/federation-directory';
import { Person, personId } from '../../identity/domain/person';
import { Application, participantsOf } from '../domain/permit';
import { decisionDueAt } from '../domain/permit.rules';
import { unpublishedData } from '../domain/published-data.rules';
import {
  isProhibitedUse,
  isPurpose,
  PROHIBITED_USES,
  PUBLIC_SECTOR_PURPOSES,
  PURPOSES,
} from '../domain/purposes';
import { PermitRecord, PermitRepository } from './permit-repository.port';
import { ApplicationCopy, PermitPeers } from './permit-peers.port';

/** An application as the researcher fills it in; the node adds who, when and where. */
export type ApplicationInput = Omit<
  Application,
  'id' | 'lead' | 'applicant' | 'receivedAt' | 'purpose'
> & {
  readonly applicant: { readonly name: string; readonly organisation: string };
  readonly purpose: string;
};

/**
 * Lodging an application at this node, which becomes its lead (EHDS Art
 * 67(3)): checks it against the law and against what every participating
 * node publishes, records it with a pending decision per participant, and
 * hands each participant its copy.
 */
@Injectable()
export class LodgeApplicationService {
  private readonly logger = new Logger(LodgeApplicationService.name);

  constructor(
    private readonly permits: PermitRepository,
    private readonly peers: PermitPeers,
    private readonly catalogue: CatalogueService,
    private readonly directory: FederationDirectory,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  async lodge(person: Person, input: ApplicationInput): Promise<PermitRecord> {
    await this.check(input);
    const now = this.clock.now();
    const application = applicationFrom(input, {
      id: randomUUID(),
      lead: this.node.id,
      applicant: person,
      receivedAt: now.toISOString(),
    });
    const participants = participantsOf(application);
    await this.unitOfWork.run(async (tx) => {
      await this.permits.insert(
        {
          application,
          status: 'REQUESTED',
          applicationVersion: 1,
          decisions: [],
          decisionDueAt: decisionDueAt(now).toISOString(),
          version: 1,
        },
        participants.map((node) => ({ node, outcome: 'PENDING' })),
        tx,
      );
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'user', id: personId(person) },
          action: 'application.lodge',
          permitId: application.id,
          outcome: 'success',
          details: { participants, purpose: application.purpose },
        },
        tx,
      );
    });
    await this.permits.markDelivered(application.id, this.node.id);
    await this.deliver(
      { application, version: 1, decisionDueAt: decisionDueAt(now).toISOString() },
      participants,
    );
    return (await this.permits.get(application.id))!;
  }

  /** Sends the application to every participant that does not have it yet. Failures wait for the next try. */
  async deliver(copy: ApplicationCopy, to: readonly string[]): Promise<void> {
    const { application } = copy;
    await Promise.all(
      to
        .filter((node) => node !== this.node.id)
        .map(async (node) => {
          try {
            await this.peers.submitApplication(node, copy);
            await this.permits.markDelivered(application.id, node);
          } catch (error) {
            this.logger.warn(
              `Application ${application.id} not yet delivered to ${node}: ${(error as Error).message}`,
            );
          }
        }),
    );
  }

  /** Every dataset and variable asked for must be published by its node. */
  /** The law's and the catalogue's checks of an application, at lodging and at each completion. */
  async check(input: ApplicationInput): Promise<void> {
    checkPurpose(input);
    await this.checkData(input.datasets);
  }

  private async checkData(datasets: ApplicationInput['datasets']): Promise<void> {
    const problems: string[] = [];
    for (const node of new Set(datasets.map((d) => d.node))) {
      if (!this.directory.registry.members.some((m) => m.id === node))
        problems.push(`${node} is not a node of the federation`);
    }
    if (problems.length > 0) throw unknownData(problems);
    const { catalogues, unavailable } = await this.catalogue.federated();
    const silent = unavailable.filter((u) => datasets.some((d) => d.node === u.nodeId));
    if (silent.length > 0) {
      throw new DomainError(
        'APPLICATION.NOT_DELIVERED',
        `The application cannot be checked while ${silent.map((s) => s.nodeId).join(', ')} does not answer; try again later`,
      );
    }
    problems.push(
      ...unpublishedData(
        datasets,
        (node) =>
          catalogues.find((c) => c.catalogue.publisher.nodeId === node)?.catalogue.datasets ?? [],
      ),
    );
    if (problems.length > 0) throw unknownData(problems);
  }
}

/** The application an input becomes, with who lodged it, where and when. */
export function applicationFrom(
  input: ApplicationInput,
  at: {
    id: string;
    lead: string;
    applicant: Pick<Person, 'issuer' | 'subject'>;
    receivedAt: string;
  },
): Application {
  return {
    id: at.id,
    lead: at.lead,
    applicant: { issuer: at.applicant.issuer, subject: at.applicant.subject, ...input.applicant },
    publicSectorBody: input.publicSectorBody,
    purpose: input.purpose as Application['purpose'],
    title: input.title,
    description: input.description,
    datasets: input.datasets,
    users: input.users,
    durationMonths: input.durationMonths,
    pseudonymised: input.pseudonymised,
    ...(input.pseudonymisationJustification
      ? { pseudonymisationJustification: input.pseudonymisationJustification }
      : {}),
    analysisKinds: input.analysisKinds,
    receivedAt: at.receivedAt,
  };
}

function checkPurpose(input: ApplicationInput): void {
  if (isProhibitedUse(input.purpose)) {
    throw new DomainError(
      'APPLICATION.PROHIBITED_USE',
      `Refused: ${PROHIBITED_USES[input.purpose]} is a prohibited use (EHDS Art 54)`,
    );
  }
  if (!isPurpose(input.purpose)) {
    throw new DomainError('REQUEST.INVALID', 'Invalid application', {
      issues: [
        {
          path: 'purpose',
          message: `must be one of ${Object.keys(PURPOSES).join(', ')} (EHDS Art 53(1))`,
        },
      ],
    });
  }
  if (PUBLIC_SECTOR_PURPOSES.includes(input.purpose) && !input.publicSectorBody) {
    throw new DomainError('REQUEST.INVALID', 'Invalid application', {
      issues: [
        {
          path: 'purpose',
          message: `${PURPOSES[input.purpose]} is open to public-sector bodies only (EHDS Art 53(2))`,
        },
      ],
    });
  }
}

function unknownData(problems: string[]): DomainError {
  return new DomainError(
    'APPLICATION.UNKNOWN_DATA',
    `The application asks for data that is not published: ${problems[0]}`,
    {
      problems,
    },
  );
}
