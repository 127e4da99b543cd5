// Original file: proto/spe/v1/lifecycle_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ClosePermitRequest as _spe_v1_ClosePermitRequest, ClosePermitRequest__Output as _spe_v1_ClosePermitRequest__Output } from '../../spe/v1/ClosePermitRequest';
import type { ClosePermitResponse as _spe_v1_ClosePermitResponse, ClosePermitResponse__Output as _spe_v1_ClosePermitResponse__Output } from '../../spe/v1/ClosePermitResponse';
import type { DeliverDestructionRecordRequest as _spe_v1_DeliverDestructionRecordRequest, DeliverDestructionRecordRequest__Output as _spe_v1_DeliverDestructionRecordRequest__Output } from '../../spe/v1/DeliverDestructionRecordRequest';
import type { DeliverDestructionRecordResponse as _spe_v1_DeliverDestructionRecordResponse, DeliverDestructionRecordResponse__Output as _spe_v1_DeliverDestructionRecordResponse__Output } from '../../spe/v1/DeliverDestructionRecordResponse';

/**
 * LifecycleService carries the end of a permit between nodes: the lead tells
 * each participant that it closed the permit, and each participant hands
 * the lead the signed record of what it destroyed. The caller is the node of
 * its client certificate. Both calls are idempotent.
 */
export interface LifecycleServiceClient extends grpc.Client {
  /**
   * ClosePermit tells a participant that the permit's lead closed it before
   * the end of its validity: the participant archives it.
   */
  ClosePermit(argument: _spe_v1_ClosePermitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ClosePermitResponse__Output>): grpc.ClientUnaryCall;
  ClosePermit(argument: _spe_v1_ClosePermitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ClosePermitResponse__Output>): grpc.ClientUnaryCall;
  ClosePermit(argument: _spe_v1_ClosePermitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ClosePermitResponse__Output>): grpc.ClientUnaryCall;
  ClosePermit(argument: _spe_v1_ClosePermitRequest, callback: grpc.requestCallback<_spe_v1_ClosePermitResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ClosePermit tells a participant that the permit's lead closed it before
   * the end of its validity: the participant archives it.
   */
  closePermit(argument: _spe_v1_ClosePermitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ClosePermitResponse__Output>): grpc.ClientUnaryCall;
  closePermit(argument: _spe_v1_ClosePermitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ClosePermitResponse__Output>): grpc.ClientUnaryCall;
  closePermit(argument: _spe_v1_ClosePermitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ClosePermitResponse__Output>): grpc.ClientUnaryCall;
  closePermit(argument: _spe_v1_ClosePermitRequest, callback: grpc.requestCallback<_spe_v1_ClosePermitResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeliverDestructionRecord hands the lead the calling node's destruction
   * record of the permit; the lead keeps it only if it verifies with the
   * caller's registered key.
   */
  DeliverDestructionRecord(argument: _spe_v1_DeliverDestructionRecordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DeliverDestructionRecordResponse__Output>): grpc.ClientUnaryCall;
  DeliverDestructionRecord(argument: _spe_v1_DeliverDestructionRecordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_DeliverDestructionRecordResponse__Output>): grpc.ClientUnaryCall;
  DeliverDestructionRecord(argument: _spe_v1_DeliverDestructionRecordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DeliverDestructionRecordResponse__Output>): grpc.ClientUnaryCall;
  DeliverDestructionRecord(argument: _spe_v1_DeliverDestructionRecordRequest, callback: grpc.requestCallback<_spe_v1_DeliverDestructionRecordResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeliverDestructionRecord hands the lead the calling node's destruction
   * record of the permit; the lead keeps it only if it verifies with the
   * caller's registered key.
   */
  deliverDestructionRecord(argument: _spe_v1_DeliverDestructionRecordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DeliverDestructionRecordResponse__Output>): grpc.ClientUnaryCall;
  deliverDestructionRecord(argument: _spe_v1_DeliverDestructionRecordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_DeliverDestructionRecordResponse__Output>): grpc.ClientUnaryCall;
  deliverDestructionRecord(argument: _spe_v1_DeliverDestructionRecordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DeliverDestructionRecordResponse__Output>): grpc.ClientUnaryCall;
  deliverDestructionRecord(argument: _spe_v1_DeliverDestructionRecordRequest, callback: grpc.requestCallback<_spe_v1_DeliverDestructionRecordResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * LifecycleService carries the end of a permit between nodes: the lead tells
 * each participant that it closed the permit, and each participant hands
 * the lead the signed record of what it destroyed. The caller is the node of
 * its client certificate. Both calls are idempotent.
 */
export interface LifecycleServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * ClosePermit tells a participant that the permit's lead closed it before
   * the end of its validity: the participant archives it.
   */
  ClosePermit: grpc.handleUnaryCall<_spe_v1_ClosePermitRequest__Output, _spe_v1_ClosePermitResponse>;
  
  /**
   * DeliverDestructionRecord hands the lead the calling node's destruction
   * record of the permit; the lead keeps it only if it verifies with the
   * caller's registered key.
   */
  DeliverDestructionRecord: grpc.handleUnaryCall<_spe_v1_DeliverDestructionRecordRequest__Output, _spe_v1_DeliverDestructionRecordResponse>;
  
}

export interface LifecycleServiceDefinition extends grpc.ServiceDefinition {
  ClosePermit: MethodDefinition<_spe_v1_ClosePermitRequest, _spe_v1_ClosePermitResponse, _spe_v1_ClosePermitRequest__Output, _spe_v1_ClosePermitResponse__Output>
  DeliverDestructionRecord: MethodDefinition<_spe_v1_DeliverDestructionRecordRequest, _spe_v1_DeliverDestructionRecordResponse, _spe_v1_DeliverDestructionRecordRequest__Output, _spe_v1_DeliverDestructionRecordResponse__Output>
}
