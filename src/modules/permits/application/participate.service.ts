import { Injectable } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { DatasetsService } from '../../catalogue/application/datasets.service';
import { canonicalJson } from '../domain/canonical-json';
import { Application, GeneralJws, participantsOf } from '../domain/permit';
import { differencesFromApplication } from '../domain/permit-payload';
import { unpublishedData } from '../domain/published-data.rules';
import { move } from '../domain/permit.machine';
import { permitPayloadSchema } from '../domain/permit-payload.schema';
import { notFound } from './decide-application.service';
import { JwsSignature, PermitCrypto } from './permit-crypto.port';
import { ApplicationCopy, Conclusion } from './permit-peers.port';
import { PermitRecord, PermitRepository } from './permit-repository.port';
import { PermitStagesService } from './permit-stages.service';
import { PermitVerifier } from './permit-verifier';

const CONCLUSION_ACTION = {
  GRANTED: 'permit.grant',
  REJECTED: 'application.reject',
  WITHDRAWN: 'application.withdraw',
} as const;

/** A participating node's side of an application led by another node. */
@Injectable()
export class ParticipateService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly datasets: DatasetsService,
    private readonly crypto: PermitCrypto,
    private readonly verifier: PermitVerifier,
    private readonly stages: PermitStagesService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  /** The lead hands over an application; this node's reviewers will find it pending. */
  async receive(peerId: string, copy: ApplicationCopy): Promise<void> {
    const { application, version } = copy;
    if (application.lead !== peerId) {
      throw new DomainError(
        'REQUEST.FORBIDDEN',
        `${peerId} cannot submit an application led by ${application.lead}`,
      );
    }
    if (!participantsOf(application).includes(this.node.id)) {
      throw new DomainError(
        'PERMIT.NOT_FOR_THIS_NODE',
        `Application ${application.id} asks nothing of ${this.node.id}`,
      );
    }
    const existing = await this.permits.get(application.id);
    if (existing && existing.applicationVersion === version) {
      if (canonicalJson(existing.application) === canonicalJson(application)) return;
      throw new DomainError(
        'PERMIT.STALE',
        `Version ${version} of application ${application.id} is already here, different`,
      );
    }
    if (existing && existing.applicationVersion > version) {
      throw new DomainError(
        'PERMIT.STALE',
        `A newer version of application ${application.id} is already here`,
      );
    }
    await this.checkOwnData(application);
    await this.unitOfWork.run(async (tx) => {
      if (existing) {
        if (
          !(await this.permits.replaceApplication(
            application,
            version,
            copy.decisionDueAt,
            this.clock.now(),
            tx,
          ))
        ) {
          throw new DomainError(
            'PERMIT.STALE',
            `Application ${application.id} is no longer open here`,
          );
        }
      } else {
        await this.permits.insert(
          {
            application,
            status: 'REQUESTED',
            applicationVersion: version,
            decisions: [],
            decisionDueAt: copy.decisionDueAt,
            version: 1,
          },
          [{ node: this.node.id, outcome: 'PENDING' }],
          tx,
        );
      }
      await this.audit.record(
        {
          channel: 'grpc',
          actor: { kind: 'peer', id: peerId },
          action: existing ? 'application.receive-completed' : 'application.receive',
          permitId: application.id,
          outcome: 'success',
          details: { version },
        },
        tx,
      );
    });
  }

  /** The lead asks for this node's signature on the permit of an application it approved. */
  async sign(peerId: string, permitId: string, payloadJson: string): Promise<JwsSignature> {
    const permit = await this.ledBy(peerId, permitId);
    const own = permit.decisions.find((d) => d.node === this.node.id);
    if (own?.outcome !== 'APPROVED') {
      throw new DomainError(
        'REQUEST.FORBIDDEN',
        `${this.node.id} has not approved application ${permitId}`,
      );
    }
    let payload;
    try {
      payload = permitPayloadSchema.parse(JSON.parse(payloadJson));
    } catch {
      throw new DomainError('PERMIT.MALFORMED', 'The payload to sign is not a permit');
    }
    if (canonicalJson(payload) !== payloadJson)
      throw new DomainError('PERMIT.MALFORMED', 'The payload is not canonical');
    const differences = differencesFromApplication(payload, permit.application, this.clock.now());
    if (differences.length > 0) {
      throw new DomainError(
        'PERMIT.MALFORMED',
        `The permit differs from the approved application: ${differences.join(', ')}`,
      );
    }
    const signature = await this.crypto.sign(
      Buffer.from(payloadJson, 'utf8').toString('base64url'),
    );
    await this.audit.record({
      channel: 'grpc',
      actor: { kind: 'peer', id: peerId },
      action: 'permit.sign',
      permitId,
      outcome: 'success',
    });
    return signature;
  }

  /** The lead says how the application ended; a granted permit is checked before it is kept. */
  async conclude(peerId: string, conclusion: Conclusion): Promise<void> {
    const permit = await this.ledBy(peerId, conclusion.permitId);
    const now = this.clock.now();
    let granted: { jws: GeneralJws; validFrom: string; validUntil: string } | undefined;
    if (conclusion.outcome === 'GRANTED') {
      const payload = await this.verifier.verify(conclusion.jws, { now, forNode: this.node.id });
      if (payload.permitId !== permit.application.id) {
        throw new DomainError('PERMIT.MALFORMED', 'The permit is for another application');
      }
      granted = {
        jws: conclusion.jws,
        validFrom: payload.validFrom,
        validUntil: payload.validUntil,
      };
    }
    const to = conclusion.outcome === 'GRANTED' ? 'APPROVED' : conclusion.outcome;
    if (permit.status === to) return;
    await this.unitOfWork.run(async (tx) => {
      if (
        !(await this.permits.move(
          conclusion.permitId,
          'REQUESTED',
          move('REQUESTED', to),
          now,
          tx,
          granted,
        ))
      ) {
        throw new DomainError(
          'PERMIT.STALE',
          `Application ${conclusion.permitId} is ${permit.status} here`,
        );
      }
      await this.audit.record(
        {
          channel: 'grpc',
          actor: { kind: 'peer', id: peerId },
          action: CONCLUSION_ACTION[conclusion.outcome],
          permitId: conclusion.permitId,
          outcome: 'success',
          ...(conclusion.outcome !== 'GRANTED' ? { details: { reasons: conclusion.reasons } } : {}),
        },
        tx,
      );
    });
    if (conclusion.outcome === 'GRANTED') this.stages.announceGrant(conclusion.permitId);
  }

  private async ledBy(peerId: string, permitId: string): Promise<PermitRecord> {
    const permit = await this.permits.get(permitId);
    if (!permit) throw notFound(permitId);
    if (permit.application.lead !== peerId) {
      throw new DomainError('REQUEST.FORBIDDEN', `${peerId} does not lead application ${permitId}`);
    }
    return permit;
  }

  private async checkOwnData(application: Application): Promise<void> {
    const published = await this.datasets.list();
    const own = application.datasets.filter((d) => d.node === this.node.id);
    const problems = unpublishedData(own, () => published);
    if (problems.length > 0) {
      throw new DomainError(
        'APPLICATION.UNKNOWN_DATA',
        `Not published here: ${problems.join('; ')}`,
        { problems },
      );
    }
  }
}
