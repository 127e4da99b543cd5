import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { SignPermitResponse } from '../../../generated/proto/spe/v1/SignPermitResponse';
import { parseInput } from '../../../shared/validation';
import { callerOf } from '../../federation/transport/peer-caller';
import { DecideApplicationService } from '../application/decide-application.service';
import { ParticipateService } from '../application/participate.service';
import { ChangePermitService } from '../application/change-permit.service';
import { PermitChange } from '../domain/permit-change';
import {
  changePermitStatusRequestSchema,
  concludeApplicationRequestSchema,
  recordDecisionRequestSchema,
  signPermitRequestSchema,
  submitApplicationRequestSchema,
} from './permit.grpc.schemas';

type Call = ServerUnaryCall<unknown, unknown>;

@Controller()
export class PermitsGrpcController {
  constructor(
    private readonly participate: ParticipateService,
    private readonly deciding: DecideApplicationService,
    private readonly changing: ChangePermitService,
  ) {}

  @GrpcMethod('PermitService', 'SubmitApplication')
  async submitApplication(request: unknown, _metadata: unknown, call: Call): Promise<object> {
    const r = parseInput(submitApplicationRequestSchema, request, 'SubmitApplicationRequest');
    await this.participate.receive(callerOf(call).id, {
      application: r.applicationJson,
      version: r.applicationVersion,
      decisionDueAt: r.decisionDueAt,
    });
    return {};
  }

  @GrpcMethod('PermitService', 'RecordDecision')
  async recordDecision(request: unknown, _metadata: unknown, call: Call): Promise<object> {
    const r = parseInput(recordDecisionRequestSchema, request, 'RecordDecisionRequest');
    await this.deciding.recordDecision(callerOf(call).id, {
      permitId: r.permitId,
      outcome: r.outcome === 'DECISION_OUTCOME_APPROVED' ? 'APPROVED' : 'REJECTED',
      reason: r.reason || undefined,
      decidedAt: r.decidedAt,
    });
    return {};
  }

  @GrpcMethod('PermitService', 'SignPermit')
  async signPermit(request: unknown, _metadata: unknown, call: Call): Promise<SignPermitResponse> {
    const r = parseInput(signPermitRequestSchema, request, 'SignPermitRequest');
    return this.participate.sign(callerOf(call).id, r.permitId, r.payloadJson);
  }

  @GrpcMethod('PermitService', 'ConcludeApplication')
  async concludeApplication(request: unknown, _metadata: unknown, call: Call): Promise<object> {
    const r = parseInput(concludeApplicationRequestSchema, request, 'ConcludeApplicationRequest');
    await this.participate.conclude(
      callerOf(call).id,
      r.outcome === 'APPLICATION_OUTCOME_GRANTED'
        ? { permitId: r.permitId, outcome: 'GRANTED', jws: r.permitJwsJson }
        : {
            permitId: r.permitId,
            outcome: r.outcome === 'APPLICATION_OUTCOME_REJECTED' ? 'REJECTED' : 'WITHDRAWN',
            reasons: r.reasons,
          },
    );
    return {};
  }

  @GrpcMethod('PermitService', 'ChangePermitStatus')
  async changePermitStatus(request: unknown, _metadata: unknown, call: Call): Promise<object> {
    const r = parseInput(changePermitStatusRequestSchema, request, 'ChangePermitStatusRequest');
    const change = r.change.replace('PERMIT_CHANGE_', '') as PermitChange;
    await this.changing.follow(callerOf(call).id, r.permitId, change, r.reason);
    return {};
  }
}
