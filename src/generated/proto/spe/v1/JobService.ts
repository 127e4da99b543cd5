// Original file: proto/spe/v1/job_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DeliverContributionRequest as _spe_v1_DeliverContributionRequest, DeliverContributionRequest__Output as _spe_v1_DeliverContributionRequest__Output } from '../../spe/v1/DeliverContributionRequest';
import type { DeliverContributionResponse as _spe_v1_DeliverContributionResponse, DeliverContributionResponse__Output as _spe_v1_DeliverContributionResponse__Output } from '../../spe/v1/DeliverContributionResponse';
import type { RunJobRequest as _spe_v1_RunJobRequest, RunJobRequest__Output as _spe_v1_RunJobRequest__Output } from '../../spe/v1/RunJobRequest';
import type { RunJobResponse as _spe_v1_RunJobResponse, RunJobResponse__Output as _spe_v1_RunJobResponse__Output } from '../../spe/v1/RunJobResponse';

/**
 * JobService runs one node's part of a federated analysis. Only the permit's
 * lead calls it: the request carries the granted permit, the job's exact
 * specification and the lead's signed assertion of who submitted it. The
 * node checks all of them, runs the analysis inside the permit's workspace,
 * and answers only with what its output gate released. Idempotent by job id
 * and round: a round already run answers with the same outcome (or, for an
 * output held for review, with its reviewer's decision once taken).
 */
export interface JobServiceClient extends grpc.Client {
  /**
   * A node tells the job's lead what its reviewer decided about a held
   * output: the contribution if released, the reasons if rejected. Only the
   * node whose part it is may call it; idempotent, retried until taken.
   */
  DeliverContribution(argument: _spe_v1_DeliverContributionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DeliverContributionResponse__Output>): grpc.ClientUnaryCall;
  DeliverContribution(argument: _spe_v1_DeliverContributionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_DeliverContributionResponse__Output>): grpc.ClientUnaryCall;
  DeliverContribution(argument: _spe_v1_DeliverContributionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DeliverContributionResponse__Output>): grpc.ClientUnaryCall;
  DeliverContribution(argument: _spe_v1_DeliverContributionRequest, callback: grpc.requestCallback<_spe_v1_DeliverContributionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A node tells the job's lead what its reviewer decided about a held
   * output: the contribution if released, the reasons if rejected. Only the
   * node whose part it is may call it; idempotent, retried until taken.
   */
  deliverContribution(argument: _spe_v1_DeliverContributionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DeliverContributionResponse__Output>): grpc.ClientUnaryCall;
  deliverContribution(argument: _spe_v1_DeliverContributionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_DeliverContributionResponse__Output>): grpc.ClientUnaryCall;
  deliverContribution(argument: _spe_v1_DeliverContributionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DeliverContributionResponse__Output>): grpc.ClientUnaryCall;
  deliverContribution(argument: _spe_v1_DeliverContributionRequest, callback: grpc.requestCallback<_spe_v1_DeliverContributionResponse__Output>): grpc.ClientUnaryCall;
  
  RunJob(argument: _spe_v1_RunJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_RunJobResponse__Output>): grpc.ClientUnaryCall;
  RunJob(argument: _spe_v1_RunJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_RunJobResponse__Output>): grpc.ClientUnaryCall;
  RunJob(argument: _spe_v1_RunJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_RunJobResponse__Output>): grpc.ClientUnaryCall;
  RunJob(argument: _spe_v1_RunJobRequest, callback: grpc.requestCallback<_spe_v1_RunJobResponse__Output>): grpc.ClientUnaryCall;
  runJob(argument: _spe_v1_RunJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_RunJobResponse__Output>): grpc.ClientUnaryCall;
  runJob(argument: _spe_v1_RunJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_RunJobResponse__Output>): grpc.ClientUnaryCall;
  runJob(argument: _spe_v1_RunJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_RunJobResponse__Output>): grpc.ClientUnaryCall;
  runJob(argument: _spe_v1_RunJobRequest, callback: grpc.requestCallback<_spe_v1_RunJobResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * JobService runs one node's part of a federated analysis. Only the permit's
 * lead calls it: the request carries the granted permit, the job's exact
 * specification and the lead's signed assertion of who submitted it. The
 * node checks all of them, runs the analysis inside the permit's workspace,
 * and answers only with what its output gate released. Idempotent by job id
 * and round: a round already run answers with the same outcome (or, for an
 * output held for review, with its reviewer's decision once taken).
 */
export interface JobServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * A node tells the job's lead what its reviewer decided about a held
   * output: the contribution if released, the reasons if rejected. Only the
   * node whose part it is may call it; idempotent, retried until taken.
   */
  DeliverContribution: grpc.handleUnaryCall<_spe_v1_DeliverContributionRequest__Output, _spe_v1_DeliverContributionResponse>;
  
  RunJob: grpc.handleUnaryCall<_spe_v1_RunJobRequest__Output, _spe_v1_RunJobResponse>;
  
}

export interface JobServiceDefinition extends grpc.ServiceDefinition {
  DeliverContribution: MethodDefinition<_spe_v1_DeliverContributionRequest, _spe_v1_DeliverContributionResponse, _spe_v1_DeliverContributionRequest__Output, _spe_v1_DeliverContributionResponse__Output>
  RunJob: MethodDefinition<_spe_v1_RunJobRequest, _spe_v1_RunJobResponse, _spe_v1_RunJobRequest__Output, _spe_v1_RunJobResponse__Output>
}
