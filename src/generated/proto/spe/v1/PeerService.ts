// Original file: proto/spe/v1/peer_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CheckHealthRequest as _spe_v1_CheckHealthRequest, CheckHealthRequest__Output as _spe_v1_CheckHealthRequest__Output } from '../../spe/v1/CheckHealthRequest';
import type { CheckHealthResponse as _spe_v1_CheckHealthResponse, CheckHealthResponse__Output as _spe_v1_CheckHealthResponse__Output } from '../../spe/v1/CheckHealthResponse';
import type { GetNodeInfoRequest as _spe_v1_GetNodeInfoRequest, GetNodeInfoRequest__Output as _spe_v1_GetNodeInfoRequest__Output } from '../../spe/v1/GetNodeInfoRequest';
import type { GetNodeInfoResponse as _spe_v1_GetNodeInfoResponse, GetNodeInfoResponse__Output as _spe_v1_GetNodeInfoResponse__Output } from '../../spe/v1/GetNodeInfoResponse';

/**
 * PeerService is what every node answers to every other node of the
 * federation, over mutual TLS only. The caller is identified by its client
 * certificate, never by anything in the request.
 */
export interface PeerServiceClient extends grpc.Client {
  /**
   * CheckHealth says whether this node can serve, database included.
   */
  CheckHealth(argument: _spe_v1_CheckHealthRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_CheckHealthResponse__Output>): grpc.ClientUnaryCall;
  CheckHealth(argument: _spe_v1_CheckHealthRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_CheckHealthResponse__Output>): grpc.ClientUnaryCall;
  CheckHealth(argument: _spe_v1_CheckHealthRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_CheckHealthResponse__Output>): grpc.ClientUnaryCall;
  CheckHealth(argument: _spe_v1_CheckHealthRequest, callback: grpc.requestCallback<_spe_v1_CheckHealthResponse__Output>): grpc.ClientUnaryCall;
  /**
   * CheckHealth says whether this node can serve, database included.
   */
  checkHealth(argument: _spe_v1_CheckHealthRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_CheckHealthResponse__Output>): grpc.ClientUnaryCall;
  checkHealth(argument: _spe_v1_CheckHealthRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_CheckHealthResponse__Output>): grpc.ClientUnaryCall;
  checkHealth(argument: _spe_v1_CheckHealthRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_CheckHealthResponse__Output>): grpc.ClientUnaryCall;
  checkHealth(argument: _spe_v1_CheckHealthRequest, callback: grpc.requestCallback<_spe_v1_CheckHealthResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetNodeInfo says who this node is: its id, country, software version and
   * the public keys it signs permits, tree heads and records with.
   */
  GetNodeInfo(argument: _spe_v1_GetNodeInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetNodeInfoResponse__Output>): grpc.ClientUnaryCall;
  GetNodeInfo(argument: _spe_v1_GetNodeInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_GetNodeInfoResponse__Output>): grpc.ClientUnaryCall;
  GetNodeInfo(argument: _spe_v1_GetNodeInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetNodeInfoResponse__Output>): grpc.ClientUnaryCall;
  GetNodeInfo(argument: _spe_v1_GetNodeInfoRequest, callback: grpc.requestCallback<_spe_v1_GetNodeInfoResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetNodeInfo says who this node is: its id, country, software version and
   * the public keys it signs permits, tree heads and records with.
   */
  getNodeInfo(argument: _spe_v1_GetNodeInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetNodeInfoResponse__Output>): grpc.ClientUnaryCall;
  getNodeInfo(argument: _spe_v1_GetNodeInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_GetNodeInfoResponse__Output>): grpc.ClientUnaryCall;
  getNodeInfo(argument: _spe_v1_GetNodeInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetNodeInfoResponse__Output>): grpc.ClientUnaryCall;
  getNodeInfo(argument: _spe_v1_GetNodeInfoRequest, callback: grpc.requestCallback<_spe_v1_GetNodeInfoResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * PeerService is what every node answers to every other node of the
 * federation, over mutual TLS only. The caller is identified by its client
 * certificate, never by anything in the request.
 */
export interface PeerServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CheckHealth says whether this node can serve, database included.
   */
  CheckHealth: grpc.handleUnaryCall<_spe_v1_CheckHealthRequest__Output, _spe_v1_CheckHealthResponse>;
  
  /**
   * GetNodeInfo says who this node is: its id, country, software version and
   * the public keys it signs permits, tree heads and records with.
   */
  GetNodeInfo: grpc.handleUnaryCall<_spe_v1_GetNodeInfoRequest__Output, _spe_v1_GetNodeInfoResponse>;
  
}

export interface PeerServiceDefinition extends grpc.ServiceDefinition {
  CheckHealth: MethodDefinition<_spe_v1_CheckHealthRequest, _spe_v1_CheckHealthResponse, _spe_v1_CheckHealthRequest__Output, _spe_v1_CheckHealthResponse__Output>
  GetNodeInfo: MethodDefinition<_spe_v1_GetNodeInfoRequest, _spe_v1_GetNodeInfoResponse, _spe_v1_GetNodeInfoRequest__Output, _spe_v1_GetNodeInfoResponse__Output>
}
