// Original file: proto/spe/v1/audit_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetConsistencyProofRequest as _spe_v1_GetConsistencyProofRequest, GetConsistencyProofRequest__Output as _spe_v1_GetConsistencyProofRequest__Output } from '../../spe/v1/GetConsistencyProofRequest';
import type { GetConsistencyProofResponse as _spe_v1_GetConsistencyProofResponse, GetConsistencyProofResponse__Output as _spe_v1_GetConsistencyProofResponse__Output } from '../../spe/v1/GetConsistencyProofResponse';
import type { GetSignedTreeHeadRequest as _spe_v1_GetSignedTreeHeadRequest, GetSignedTreeHeadRequest__Output as _spe_v1_GetSignedTreeHeadRequest__Output } from '../../spe/v1/GetSignedTreeHeadRequest';
import type { GetSignedTreeHeadResponse as _spe_v1_GetSignedTreeHeadResponse, GetSignedTreeHeadResponse__Output as _spe_v1_GetSignedTreeHeadResponse__Output } from '../../spe/v1/GetSignedTreeHeadResponse';

/**
 * AuditService lets the nodes of the federation watch each other's audit
 * logs. Each node fetches its peers' signed tree heads on a schedule and asks
 * for the proof that a new head extends the one it holds: a node that
 * rewrote its history cannot give it. The caller is the node of its client
 * certificate. Both calls are read-only.
 */
export interface AuditServiceClient extends grpc.Client {
  /**
   * GetConsistencyProof returns the RFC 6962 proof that the node's tree of
   * first_tree_size leaves is a prefix of its tree of second_tree_size leaves.
   */
  GetConsistencyProof(argument: _spe_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetConsistencyProofResponse__Output>): grpc.ClientUnaryCall;
  GetConsistencyProof(argument: _spe_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_GetConsistencyProofResponse__Output>): grpc.ClientUnaryCall;
  GetConsistencyProof(argument: _spe_v1_GetConsistencyProofRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetConsistencyProofResponse__Output>): grpc.ClientUnaryCall;
  GetConsistencyProof(argument: _spe_v1_GetConsistencyProofRequest, callback: grpc.requestCallback<_spe_v1_GetConsistencyProofResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetConsistencyProof returns the RFC 6962 proof that the node's tree of
   * first_tree_size leaves is a prefix of its tree of second_tree_size leaves.
   */
  getConsistencyProof(argument: _spe_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetConsistencyProofResponse__Output>): grpc.ClientUnaryCall;
  getConsistencyProof(argument: _spe_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_GetConsistencyProofResponse__Output>): grpc.ClientUnaryCall;
  getConsistencyProof(argument: _spe_v1_GetConsistencyProofRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetConsistencyProofResponse__Output>): grpc.ClientUnaryCall;
  getConsistencyProof(argument: _spe_v1_GetConsistencyProofRequest, callback: grpc.requestCallback<_spe_v1_GetConsistencyProofResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetSignedTreeHead returns the node's latest signed tree head.
   */
  GetSignedTreeHead(argument: _spe_v1_GetSignedTreeHeadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetSignedTreeHeadResponse__Output>): grpc.ClientUnaryCall;
  GetSignedTreeHead(argument: _spe_v1_GetSignedTreeHeadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_GetSignedTreeHeadResponse__Output>): grpc.ClientUnaryCall;
  GetSignedTreeHead(argument: _spe_v1_GetSignedTreeHeadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetSignedTreeHeadResponse__Output>): grpc.ClientUnaryCall;
  GetSignedTreeHead(argument: _spe_v1_GetSignedTreeHeadRequest, callback: grpc.requestCallback<_spe_v1_GetSignedTreeHeadResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetSignedTreeHead returns the node's latest signed tree head.
   */
  getSignedTreeHead(argument: _spe_v1_GetSignedTreeHeadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetSignedTreeHeadResponse__Output>): grpc.ClientUnaryCall;
  getSignedTreeHead(argument: _spe_v1_GetSignedTreeHeadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_GetSignedTreeHeadResponse__Output>): grpc.ClientUnaryCall;
  getSignedTreeHead(argument: _spe_v1_GetSignedTreeHeadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_GetSignedTreeHeadResponse__Output>): grpc.ClientUnaryCall;
  getSignedTreeHead(argument: _spe_v1_GetSignedTreeHeadRequest, callback: grpc.requestCallback<_spe_v1_GetSignedTreeHeadResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * AuditService lets the nodes of the federation watch each other's audit
 * logs. Each node fetches its peers' signed tree heads on a schedule and asks
 * for the proof that a new head extends the one it holds: a node that
 * rewrote its history cannot give it. The caller is the node of its client
 * certificate. Both calls are read-only.
 */
export interface AuditServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * GetConsistencyProof returns the RFC 6962 proof that the node's tree of
   * first_tree_size leaves is a prefix of its tree of second_tree_size leaves.
   */
  GetConsistencyProof: grpc.handleUnaryCall<_spe_v1_GetConsistencyProofRequest__Output, _spe_v1_GetConsistencyProofResponse>;
  
  /**
   * GetSignedTreeHead returns the node's latest signed tree head.
   */
  GetSignedTreeHead: grpc.handleUnaryCall<_spe_v1_GetSignedTreeHeadRequest__Output, _spe_v1_GetSignedTreeHeadResponse>;
  
}

export interface AuditServiceDefinition extends grpc.ServiceDefinition {
  GetConsistencyProof: MethodDefinition<_spe_v1_GetConsistencyProofRequest, _spe_v1_GetConsistencyProofResponse, _spe_v1_GetConsistencyProofRequest__Output, _spe_v1_GetConsistencyProofResponse__Output>
  GetSignedTreeHead: MethodDefinition<_spe_v1_GetSignedTreeHeadRequest, _spe_v1_GetSignedTreeHeadResponse, _spe_v1_GetSignedTreeHeadRequest__Output, _spe_v1_GetSignedTreeHeadResponse__Output>
}
