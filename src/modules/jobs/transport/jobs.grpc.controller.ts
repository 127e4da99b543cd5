import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { DeliverContributionResponse } from '../../../generated/proto/spe/v1/DeliverContributionResponse';
import type { RunJobResponse } from '../../../generated/proto/spe/v1/RunJobResponse';
import { parseInput } from '../../../shared/validation';
import { callerOf } from '../../federation/transport/peer-caller';
import { JobDispatcher } from '../application/job-dispatcher.service';
import { RunJobService } from '../application/run-job.service';
import { deliverContributionRequestSchema, runJobRequestSchema } from './job.grpc.schemas';

type Call = ServerUnaryCall<unknown, unknown>;

@Controller()
export class JobsGrpcController {
  constructor(
    private readonly running: RunJobService,
    private readonly dispatcher: JobDispatcher,
  ) {}

  @GrpcMethod('JobService', 'RunJob')
  async runJob(request: unknown, _metadata: unknown, call: Call): Promise<RunJobResponse> {
    const r = parseInput(runJobRequestSchema, request, 'RunJobRequest');
    const reply = await this.running.run(callerOf(call).id, {
      jobId: r.jobId,
      permitJws: r.permitJwsJson,
      specJson: r.specJson,
      assertion: r.submitterAssertion,
      round: r.round,
      state: r.stateJson ?? undefined,
    });
    switch (reply.outcome) {
      case 'RELEASED':
        return {
          outcome: 'RUN_OUTCOME_RELEASED',
          contributionJson: JSON.stringify(reply.contribution),
          persons: reply.persons,
        };
      case 'AWAITING_REVIEW':
        return { outcome: 'RUN_OUTCOME_AWAITING_REVIEW', findings: [...reply.findings] };
      default:
        return {
          outcome: 'RUN_OUTCOME_BLOCKED',
          findings: [...reply.findings],
          reason: reply.reason ?? '',
        };
    }
  }

  @GrpcMethod('JobService', 'DeliverContribution')
  async deliverContribution(
    request: unknown,
    _metadata: unknown,
    call: Call,
  ): Promise<DeliverContributionResponse> {
    const r = parseInput(deliverContributionRequestSchema, request, 'DeliverContributionRequest');
    const settled = await this.dispatcher.receive(callerOf(call).id, {
      jobId: r.jobId,
      round: r.round,
      delivery:
        r.outcome === 'RUN_OUTCOME_RELEASED'
          ? { outcome: 'RELEASED', contribution: r.contributionJson, persons: r.persons }
          : { outcome: 'BLOCKED', findings: r.findings, reason: r.reason },
    });
    return { settled };
  }
}
