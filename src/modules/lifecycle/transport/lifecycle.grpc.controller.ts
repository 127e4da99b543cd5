import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { ServerUnaryCall } from '@grpc/grpc-js';
import { parseInput } from '../../../shared/validation';
import { callerOf } from '../../federation/transport/peer-caller';
import { DestructionService } from '../application/destruction.service';
import { LifecycleService } from '../application/lifecycle.service';
import {
  closePermitRequestSchema,
  deliverDestructionRecordRequestSchema,
} from './lifecycle.schemas';

type Call = ServerUnaryCall<unknown, unknown>;

@Controller()
export class LifecycleGrpcController {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly destruction: DestructionService,
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
}
