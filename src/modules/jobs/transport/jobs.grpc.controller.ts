import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { RunJobResponse } from '../../../generated/proto/spe/v1/RunJobResponse';
import { parseInput } from '../../../shared/validation';
import { callerOf } from '../../federation/transport/peer-caller';
import { RunJobService } from '../application/run-job.service';
import { runJobRequestSchema } from './job.grpc.schemas';

type Call = ServerUnaryCall<unknown, unknown>;

@Controller()
export class JobsGrpcController {
  constructor(private readonly running: RunJobService) {}

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
    return reply.outcome === 'RELEASED'
      ? {
          outcome: 'RUN_OUTCOME_RELEASED',
          contributionJson: JSON.stringify(reply.contribution),
          persons: reply.persons,
        }
      : { outcome: 'RUN_OUTCOME_BLOCKED', findings: [...reply.findings] };
  }
}
