import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { ServerUnaryCall } from '@grpc/grpc-js';
import { parseInput } from '../../../shared/validation';
import { callerOf } from '../../federation/transport/peer-caller';
import { DestructionService } from '../application/destruction.service';
import { ExtensionLeadService } from '../application/extension-lead.service';
import { ExtensionService } from '../application/extension.service';
import { LifecycleService } from '../application/lifecycle.service';
import {
  closePermitRequestSchema,
  concludeExtensionRequestSchema,
  decideExtensionRequestSchema,
  deliverDestructionRecordRequestSchema,
  proposeExtensionRequestSchema,
} from './lifecycle.schemas';

type Call = ServerUnaryCall<unknown, unknown>;

@Controller()
export class LifecycleGrpcController {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly destruction: DestructionService,
    private readonly extending: ExtensionService,
    private readonly leading: ExtensionLeadService,
  ) {}

  @GrpcMethod('LifecycleService', 'ClosePermit')
  async closePermit(request: unknown, _metadata: unknown, call: Call): Promise<object> {
    const r = parseInput(closePermitRequestSchema, request, 'ClosePermitRequest');
    await this.lifecycle.closedByLead(callerOf(call).id, r.permitId, r.reason);
    return {};
  }

  @GrpcMethod('LifecycleService', 'DeliverDestructionRecord')
  async deliverDestructionRecord(
    request: unknown,
    _metadata: unknown,
    call: Call,
  ): Promise<object> {
    const r = parseInput(
      deliverDestructionRecordRequestSchema,
      request,
      'DeliverDestructionRecordRequest',
    );
    await this.destruction.receive(callerOf(call).id, r.permitId, r.recordJws);
    return {};
  }

  @GrpcMethod('LifecycleService', 'ProposeExtension')
  async proposeExtension(request: unknown, _metadata: unknown, call: Call): Promise<object> {
    const r = parseInput(proposeExtensionRequestSchema, request, 'ProposeExtensionRequest');
    await this.extending.receiveRequest(callerOf(call).id, {
      id: r.extensionId,
      permitId: r.permitId,
      validUntil: r.validUntil,
      reason: r.reason,
      requestedAt: r.requestedAt,
    });
    return {};
  }

  @GrpcMethod('LifecycleService', 'DecideExtension')
  async decideExtension(request: unknown, _metadata: unknown, call: Call): Promise<object> {
    const r = parseInput(decideExtensionRequestSchema, request, 'DecideExtensionRequest');
    const approved = r.outcome === 'EXTENSION_OUTCOME_APPROVED';
    await this.leading.receiveDecision(callerOf(call).id, r.permitId, r.extensionId, {
      outcome: approved ? 'APPROVED' : 'REJECTED',
      reason: r.reason,
      ...(approved
        ? { signature: { protected: r.signatureProtected, signature: r.signature } }
        : {}),
    });
    return {};
  }

  @GrpcMethod('LifecycleService', 'ConcludeExtension')
  async concludeExtension(request: unknown, _metadata: unknown, call: Call): Promise<object> {
    const r = parseInput(concludeExtensionRequestSchema, request, 'ConcludeExtensionRequest');
    await this.extending.receiveConclusion(
      callerOf(call).id,
      r.permitId,
      r.extensionId,
      r.outcome === 'EXTENSION_OUTCOME_GRANTED'
        ? { outcome: 'GRANTED', jws: r.permitJwsJson }
        : { outcome: 'REJECTED' },
    );
    return {};
  }
}
