import { Injectable, Logger } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { AirlockDeliveries } from '../../airlock/application/airlock-deliveries.service';
import { DomainError } from '../../../shared/errors';
import { JobDispatcher } from './job-dispatcher.service';
import { JobPeers } from './job-peers.port';

/**
 * Takes this node's reviewers' decisions to the leads of the jobs: a
 * released contribution, or the reasons of a rejection. Each is sent until
 * the lead takes it (the lead's answer is idempotent), by the sweep and at
 * once after a decision.
 */
@Injectable()
export class ContributionDelivery {
  private readonly logger = new Logger(ContributionDelivery.name);

  constructor(
    private readonly deliveries: AirlockDeliveries,
    private readonly dispatcher: JobDispatcher,
    private readonly peers: JobPeers,
    private readonly node: NodeConfig,
  ) {}

  async deliverAll(): Promise<void> {
    for (const { output, delivery } of await this.deliveries.due()) {
      const request = { jobId: output.jobId, round: output.round, delivery };
      try {
        if (output.lead === this.node.id) await this.dispatcher.receive(this.node.id, request);
        else await this.peers.deliver(output.lead, request);
        await this.deliveries.delivered(output.id);
      } catch (error) {
        const reason = error instanceof DomainError ? error.code : (error as Error).message;
        this.logger.warn(`Output ${output.id} not yet delivered to ${output.lead}: ${reason}`);
      }
    }
  }
}
