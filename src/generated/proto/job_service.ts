import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { DeliverContributionRequest as _spe_v1_DeliverContributionRequest, DeliverContributionRequest__Output as _spe_v1_DeliverContributionRequest__Output } from './spe/v1/DeliverContributionRequest';
import type { DeliverContributionResponse as _spe_v1_DeliverContributionResponse, DeliverContributionResponse__Output as _spe_v1_DeliverContributionResponse__Output } from './spe/v1/DeliverContributionResponse';
import type { GateFinding as _spe_v1_GateFinding, GateFinding__Output as _spe_v1_GateFinding__Output } from './spe/v1/GateFinding';
import type { JobServiceClient as _spe_v1_JobServiceClient, JobServiceDefinition as _spe_v1_JobServiceDefinition } from './spe/v1/JobService';
import type { RunJobRequest as _spe_v1_RunJobRequest, RunJobRequest__Output as _spe_v1_RunJobRequest__Output } from './spe/v1/RunJobRequest';
import type { RunJobResponse as _spe_v1_RunJobResponse, RunJobResponse__Output as _spe_v1_RunJobResponse__Output } from './spe/v1/RunJobResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spe: {
    v1: {
      DeliverContributionRequest: MessageTypeDefinition<_spe_v1_DeliverContributionRequest, _spe_v1_DeliverContributionRequest__Output>
      DeliverContributionResponse: MessageTypeDefinition<_spe_v1_DeliverContributionResponse, _spe_v1_DeliverContributionResponse__Output>
      GateFinding: MessageTypeDefinition<_spe_v1_GateFinding, _spe_v1_GateFinding__Output>
      /**
       * JobService runs one node's part of a federated analysis. Only the permit's
       * lead calls it: the request carries the granted permit, the job's exact
       * specification and the lead's signed assertion of who submitted it. The
       * node checks all of them, runs the analysis inside the permit's workspace,
       * and answers only with what its output gate released. Idempotent by job id
       * and round: a round already run answers with the same outcome (or, for an
       * output held for review, with its reviewer's decision once taken).
       */
      JobService: SubtypeConstructor<typeof grpc.Client, _spe_v1_JobServiceClient> & { service: _spe_v1_JobServiceDefinition }
      RunJobRequest: MessageTypeDefinition<_spe_v1_RunJobRequest, _spe_v1_RunJobRequest__Output>
      RunJobResponse: MessageTypeDefinition<_spe_v1_RunJobResponse, _spe_v1_RunJobResponse__Output>
      RunOutcome: EnumTypeDefinition
    }
  }
}

