// Original file: proto/spe/v1/workspace_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ActivatePermitRequest as _spe_v1_ActivatePermitRequest, ActivatePermitRequest__Output as _spe_v1_ActivatePermitRequest__Output } from '../../spe/v1/ActivatePermitRequest';
import type { ActivatePermitResponse as _spe_v1_ActivatePermitResponse, ActivatePermitResponse__Output as _spe_v1_ActivatePermitResponse__Output } from '../../spe/v1/ActivatePermitResponse';
import type { ReportWorkspaceReadyRequest as _spe_v1_ReportWorkspaceReadyRequest, ReportWorkspaceReadyRequest__Output as _spe_v1_ReportWorkspaceReadyRequest__Output } from '../../spe/v1/ReportWorkspaceReadyRequest';
import type { ReportWorkspaceReadyResponse as _spe_v1_ReportWorkspaceReadyResponse, ReportWorkspaceReadyResponse__Output as _spe_v1_ReportWorkspaceReadyResponse__Output } from '../../spe/v1/ReportWorkspaceReadyResponse';

/**
 * WorkspaceService carries the preparation stage of a granted permit: each
 * participant builds the permit's workspace in its own database and reports
 * it ready to the lead; when every participant is ready the lead makes the
 * permit active and tells them. The caller is the node of its client
 * certificate. Both calls are idempotent.
 */
export interface WorkspaceServiceClient extends grpc.Client {
  /**
   * ActivatePermit tells a participant that every workspace is ready: the
   * permit enters its use stage.
   */
  ActivatePermit(argument: _spe_v1_ActivatePermitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ActivatePermitResponse__Output>): grpc.ClientUnaryCall;
  ActivatePermit(argument: _spe_v1_ActivatePermitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ActivatePermitResponse__Output>): grpc.ClientUnaryCall;
  ActivatePermit(argument: _spe_v1_ActivatePermitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ActivatePermitResponse__Output>): grpc.ClientUnaryCall;
  ActivatePermit(argument: _spe_v1_ActivatePermitRequest, callback: grpc.requestCallback<_spe_v1_ActivatePermitResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ActivatePermit tells a participant that every workspace is ready: the
   * permit enters its use stage.
   */
  activatePermit(argument: _spe_v1_ActivatePermitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ActivatePermitResponse__Output>): grpc.ClientUnaryCall;
  activatePermit(argument: _spe_v1_ActivatePermitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ActivatePermitResponse__Output>): grpc.ClientUnaryCall;
  activatePermit(argument: _spe_v1_ActivatePermitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ActivatePermitResponse__Output>): grpc.ClientUnaryCall;
  activatePermit(argument: _spe_v1_ActivatePermitRequest, callback: grpc.requestCallback<_spe_v1_ActivatePermitResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ReportWorkspaceReady tells the lead that the calling node's workspace of
   * the permit is built, and which columns it holds.
   */
  ReportWorkspaceReady(argument: _spe_v1_ReportWorkspaceReadyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ReportWorkspaceReadyResponse__Output>): grpc.ClientUnaryCall;
  ReportWorkspaceReady(argument: _spe_v1_ReportWorkspaceReadyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ReportWorkspaceReadyResponse__Output>): grpc.ClientUnaryCall;
  ReportWorkspaceReady(argument: _spe_v1_ReportWorkspaceReadyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ReportWorkspaceReadyResponse__Output>): grpc.ClientUnaryCall;
  ReportWorkspaceReady(argument: _spe_v1_ReportWorkspaceReadyRequest, callback: grpc.requestCallback<_spe_v1_ReportWorkspaceReadyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ReportWorkspaceReady tells the lead that the calling node's workspace of
   * the permit is built, and which columns it holds.
   */
  reportWorkspaceReady(argument: _spe_v1_ReportWorkspaceReadyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ReportWorkspaceReadyResponse__Output>): grpc.ClientUnaryCall;
  reportWorkspaceReady(argument: _spe_v1_ReportWorkspaceReadyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ReportWorkspaceReadyResponse__Output>): grpc.ClientUnaryCall;
  reportWorkspaceReady(argument: _spe_v1_ReportWorkspaceReadyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ReportWorkspaceReadyResponse__Output>): grpc.ClientUnaryCall;
  reportWorkspaceReady(argument: _spe_v1_ReportWorkspaceReadyRequest, callback: grpc.requestCallback<_spe_v1_ReportWorkspaceReadyResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * WorkspaceService carries the preparation stage of a granted permit: each
 * participant builds the permit's workspace in its own database and reports
 * it ready to the lead; when every participant is ready the lead makes the
 * permit active and tells them. The caller is the node of its client
 * certificate. Both calls are idempotent.
 */
export interface WorkspaceServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * ActivatePermit tells a participant that every workspace is ready: the
   * permit enters its use stage.
   */
  ActivatePermit: grpc.handleUnaryCall<_spe_v1_ActivatePermitRequest__Output, _spe_v1_ActivatePermitResponse>;
  
  /**
   * ReportWorkspaceReady tells the lead that the calling node's workspace of
   * the permit is built, and which columns it holds.
   */
  ReportWorkspaceReady: grpc.handleUnaryCall<_spe_v1_ReportWorkspaceReadyRequest__Output, _spe_v1_ReportWorkspaceReadyResponse>;
  
}

export interface WorkspaceServiceDefinition extends grpc.ServiceDefinition {
  ActivatePermit: MethodDefinition<_spe_v1_ActivatePermitRequest, _spe_v1_ActivatePermitResponse, _spe_v1_ActivatePermitRequest__Output, _spe_v1_ActivatePermitResponse__Output>
  ReportWorkspaceReady: MethodDefinition<_spe_v1_ReportWorkspaceReadyRequest, _spe_v1_ReportWorkspaceReadyResponse, _spe_v1_ReportWorkspaceReadyRequest__Output, _spe_v1_ReportWorkspaceReadyResponse__Output>
}
