import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { GetConsistencyProofResponse } from '../../../generated/proto/spe/v1/GetConsistencyProofResponse';
import type { GetSignedTreeHeadResponse } from '../../../generated/proto/spe/v1/GetSignedTreeHeadResponse';
import { parseInput } from '../../../shared/validation';
import { AuditTreeService } from '../application/audit-tree.service';
import {
  getConsistencyProofRequestSchema,
  getSignedTreeHeadRequestSchema,
} from './audit.grpc.schemas';

/** What peers ask of this node's tree: its latest signed head and consistency proofs. */
@Controller()
export class AuditGrpcController {
  constructor(private readonly tree: AuditTreeService) {}

  @GrpcMethod('AuditService', 'GetSignedTreeHead')
  async getSignedTreeHead(request: unknown): Promise<GetSignedTreeHeadResponse> {
    parseInput(getSignedTreeHeadRequestSchema, request, 'GetSignedTreeHeadRequest');
    return { jws: (await this.tree.latestHead()).jws };
  }

  @GrpcMethod('AuditService', 'GetConsistencyProof')
  async getConsistencyProof(request: unknown): Promise<GetConsistencyProofResponse> {
    const r = parseInput(getConsistencyProofRequestSchema, request, 'GetConsistencyProofRequest');
    return { proof: await this.tree.consistencyProof(r.firstTreeSize, r.secondTreeSize) };
  }
}
