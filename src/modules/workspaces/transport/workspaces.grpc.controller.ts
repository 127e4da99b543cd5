import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { ServerUnaryCall } from '@grpc/grpc-js';
import { parseInput } from '../../../shared/validation';
import { callerOf } from '../../federation/transport/peer-caller';
import { PreparationService } from '../application/preparation.service';
import {
  activatePermitRequestSchema,
  reportWorkspaceReadyRequestSchema,
} from './workspace.grpc.schemas';

type Call = ServerUnaryCall<unknown, unknown>;

@Controller()
export class WorkspacesGrpcController {
  constructor(private readonly preparation: PreparationService) {}

  @GrpcMethod('WorkspaceService', 'ReportWorkspaceReady')
  async reportWorkspaceReady(request: unknown, _metadata: unknown, call: Call): Promise<object> {
    const r = parseInput(reportWorkspaceReadyRequestSchema, request, 'ReportWorkspaceReadyRequest');
    await this.preparation.receiveReady(callerOf(call).id, r.permitId, r.tables, r.outputRules);
    return {};
  }

  @GrpcMethod('WorkspaceService', 'ActivatePermit')
  async activatePermit(request: unknown, _metadata: unknown, call: Call): Promise<object> {
    const r = parseInput(activatePermitRequestSchema, request, 'ActivatePermitRequest');
    await this.preparation.activate(callerOf(call).id, r.permitId);
    return {};
  }
}
