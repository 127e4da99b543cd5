// Original file: proto/spe/v1/job_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { RunJobRequest as _spe_v1_RunJobRequest, RunJobRequest__Output as _spe_v1_RunJobRequest__Output } from '../../spe/v1/RunJobRequest';
import type { RunJobResponse as _spe_v1_RunJobResponse, RunJobResponse__Output as _spe_v1_RunJobResponse__Output } from '../../spe/v1/RunJobResponse';

/**
 * JobService runs one node's part of a federated analysis. Only the permit's
 * lead calls it: the request carries the granted permit, the job's exact
 * specification and the lead's signed assertion of who submitted it. The
 * node checks all of them, runs the analysis inside the permit's workspace,
 * and answers only with what its output gate released. Idempotent by job id
 * and round: a round already run answers with the same outcome.
 */
export interface JobServiceClient extends grpc.Client {
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
 * and round: a round already run answers with the same outcome.
 */
export interface JobServiceHandlers extends grpc.UntypedServiceImplementation {
  RunJob: grpc.handleUnaryCall<_spe_v1_RunJobRequest__Output, _spe_v1_RunJobResponse>;
  
}

export interface JobServiceDefinition extends grpc.ServiceDefinition {
  RunJob: MethodDefinition<_spe_v1_RunJobRequest, _spe_v1_RunJobResponse, _spe_v1_RunJobRequest__Output, _spe_v1_RunJobResponse__Output>
}
