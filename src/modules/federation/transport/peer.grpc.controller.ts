import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { CheckHealthResponse } from '../../../generated/proto/spe/v1/CheckHealthResponse';
import type { GetNodeInfoResponse } from '../../../generated/proto/spe/v1/GetNodeInfoResponse';
import { parseInput } from '../../../shared/validation';
import { HealthService } from '../../health/application/health.service';
import { FederationService } from '../application/federation.service';
import { checkHealthRequestSchema, getNodeInfoRequestSchema } from './peer.schemas';

@Controller()
export class PeerGrpcController {
  constructor(
    private readonly federation: FederationService,
    private readonly health: HealthService,
  ) {}

  @GrpcMethod('PeerService', 'GetNodeInfo')
  getNodeInfo(request: unknown): GetNodeInfoResponse {
    parseInput(getNodeInfoRequestSchema, request, 'GetNodeInfoRequest');
    const info = this.federation.nodeInfo();
    return {
      nodeId: info.nodeId,
      country: info.country,
      version: info.version,
      signingKeys: [...info.signingKeys.keys],
    };
  }

  @GrpcMethod('PeerService', 'CheckHealth')
  async checkHealth(request: unknown): Promise<CheckHealthResponse> {
    parseInput(checkHealthRequestSchema, request, 'CheckHealthRequest');
    const readiness = await this.health.readiness();
    return {
      status: readiness.ready ? 'SERVING_STATUS_SERVING' : 'SERVING_STATUS_NOT_SERVING',
      databaseUp: readiness.database === 'up',
    };
  }
}
