// Original file: proto/spe/v1/lifecycle_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ClosePermitRequest as _spe_v1_ClosePermitRequest, ClosePermitRequest__Output as _spe_v1_ClosePermitRequest__Output } from '../../spe/v1/ClosePermitRequest';
import type { ClosePermitResponse as _spe_v1_ClosePermitResponse, ClosePermitResponse__Output as _spe_v1_ClosePermitResponse__Output } from '../../spe/v1/ClosePermitResponse';
import type { ConcludeExtensionRequest as _spe_v1_ConcludeExtensionRequest, ConcludeExtensionRequest__Output as _spe_v1_ConcludeExtensionRequest__Output } from '../../spe/v1/ConcludeExtensionRequest';
import type { ConcludeExtensionResponse as _spe_v1_ConcludeExtensionResponse, ConcludeExtensionResponse__Output as _spe_v1_ConcludeExtensionResponse__Output } from '../../spe/v1/ConcludeExtensionResponse';
import type { DecideExtensionRequest as _spe_v1_DecideExtensionRequest, DecideExtensionRequest__Output as _spe_v1_DecideExtensionRequest__Output } from '../../spe/v1/DecideExtensionRequest';
import type { DecideExtensionResponse as _spe_v1_DecideExtensionResponse, DecideExtensionResponse__Output as _spe_v1_DecideExtensionResponse__Output } from '../../spe/v1/DecideExtensionResponse';
import type { DeliverDestructionRecordRequest as _spe_v1_DeliverDestructionRecordRequest, DeliverDestructionRecordRequest__Output as _spe_v1_DeliverDestructionRecordRequest__Output } from '../../spe/v1/DeliverDestructionRecordRequest';
import type { DeliverDestructionRecordResponse as _spe_v1_DeliverDestructionRecordResponse, DeliverDestructionRecordResponse__Output as _spe_v1_DeliverDestructionRecordResponse__Output } from '../../spe/v1/DeliverDestructionRecordResponse';
import type { ProposeExtensionRequest as _spe_v1_ProposeExtensionRequest, ProposeExtensionRequest__Output as _spe_v1_ProposeExtensionRequest__Output } from '../../spe/v1/ProposeExtensionRequest';
import type { ProposeExtensionResponse as _spe_v1_ProposeExtensionResponse, ProposeExtensionResponse__Output as _spe_v1_ProposeExtensionResponse__Output } from '../../spe/v1/ProposeExtensionResponse';

/**
 * LifecycleService carries the end of a permit between nodes: the lead tells
 * each participant that it closed the permit, each participant hands the
 * lead the signed record of what it destroyed, and an extension of the
 * permit's validity is asked of, decided by and concluded at every
 * participant. The caller is the node of its client certificate. Every call
 * is idempotent.
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
   * ConcludeExtension tells a participant how the request ended; a granted
   * extension carries the amended permit signed by every participant.
   */
  ConcludeExtension(argument: _spe_v1_ConcludeExtensionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ConcludeExtensionResponse__Output>): grpc.ClientUnaryCall;
  ConcludeExtension(argument: _spe_v1_ConcludeExtensionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ConcludeExtensionResponse__Output>): grpc.ClientUnaryCall;
  ConcludeExtension(argument: _spe_v1_ConcludeExtensionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ConcludeExtensionResponse__Output>): grpc.ClientUnaryCall;
  ConcludeExtension(argument: _spe_v1_ConcludeExtensionRequest, callback: grpc.requestCallback<_spe_v1_ConcludeExtensionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ConcludeExtension tells a participant how the request ended; a granted
   * extension carries the amended permit signed by every participant.
   */
  concludeExtension(argument: _spe_v1_ConcludeExtensionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ConcludeExtensionResponse__Output>): grpc.ClientUnaryCall;
  concludeExtension(argument: _spe_v1_ConcludeExtensionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ConcludeExtensionResponse__Output>): grpc.ClientUnaryCall;
  concludeExtension(argument: _spe_v1_ConcludeExtensionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ConcludeExtensionResponse__Output>): grpc.ClientUnaryCall;
  concludeExtension(argument: _spe_v1_ConcludeExtensionRequest, callback: grpc.requestCallback<_spe_v1_ConcludeExtensionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DecideExtension brings a participant's decision to the lead; an approval
   * carries the participant's signature of the amended permit.
   */
  DecideExtension(argument: _spe_v1_DecideExtensionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DecideExtensionResponse__Output>): grpc.ClientUnaryCall;
  DecideExtension(argument: _spe_v1_DecideExtensionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_DecideExtensionResponse__Output>): grpc.ClientUnaryCall;
  DecideExtension(argument: _spe_v1_DecideExtensionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DecideExtensionResponse__Output>): grpc.ClientUnaryCall;
  DecideExtension(argument: _spe_v1_DecideExtensionRequest, callback: grpc.requestCallback<_spe_v1_DecideExtensionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DecideExtension brings a participant's decision to the lead; an approval
   * carries the participant's signature of the amended permit.
   */
  decideExtension(argument: _spe_v1_DecideExtensionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DecideExtensionResponse__Output>): grpc.ClientUnaryCall;
  decideExtension(argument: _spe_v1_DecideExtensionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_DecideExtensionResponse__Output>): grpc.ClientUnaryCall;
  decideExtension(argument: _spe_v1_DecideExtensionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_DecideExtensionResponse__Output>): grpc.ClientUnaryCall;
  decideExtension(argument: _spe_v1_DecideExtensionRequest, callback: grpc.requestCallback<_spe_v1_DecideExtensionResponse__Output>): grpc.ClientUnaryCall;
  
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
  
  /**
   * ProposeExtension hands a participant the applicant's request to extend
   * the permit's validity, for its HDAB to decide.
   */
  ProposeExtension(argument: _spe_v1_ProposeExtensionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ProposeExtensionResponse__Output>): grpc.ClientUnaryCall;
  ProposeExtension(argument: _spe_v1_ProposeExtensionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ProposeExtensionResponse__Output>): grpc.ClientUnaryCall;
  ProposeExtension(argument: _spe_v1_ProposeExtensionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ProposeExtensionResponse__Output>): grpc.ClientUnaryCall;
  ProposeExtension(argument: _spe_v1_ProposeExtensionRequest, callback: grpc.requestCallback<_spe_v1_ProposeExtensionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ProposeExtension hands a participant the applicant's request to extend
   * the permit's validity, for its HDAB to decide.
   */
  proposeExtension(argument: _spe_v1_ProposeExtensionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ProposeExtensionResponse__Output>): grpc.ClientUnaryCall;
  proposeExtension(argument: _spe_v1_ProposeExtensionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ProposeExtensionResponse__Output>): grpc.ClientUnaryCall;
  proposeExtension(argument: _spe_v1_ProposeExtensionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ProposeExtensionResponse__Output>): grpc.ClientUnaryCall;
  proposeExtension(argument: _spe_v1_ProposeExtensionRequest, callback: grpc.requestCallback<_spe_v1_ProposeExtensionResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * LifecycleService carries the end of a permit between nodes: the lead tells
 * each participant that it closed the permit, each participant hands the
 * lead the signed record of what it destroyed, and an extension of the
 * permit's validity is asked of, decided by and concluded at every
 * participant. The caller is the node of its client certificate. Every call
 * is idempotent.
 */
export interface LifecycleServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * ClosePermit tells a participant that the permit's lead closed it before
   * the end of its validity: the participant archives it.
   */
  ClosePermit: grpc.handleUnaryCall<_spe_v1_ClosePermitRequest__Output, _spe_v1_ClosePermitResponse>;
  
  /**
   * ConcludeExtension tells a participant how the request ended; a granted
   * extension carries the amended permit signed by every participant.
   */
  ConcludeExtension: grpc.handleUnaryCall<_spe_v1_ConcludeExtensionRequest__Output, _spe_v1_ConcludeExtensionResponse>;
  
  /**
   * DecideExtension brings a participant's decision to the lead; an approval
   * carries the participant's signature of the amended permit.
   */
  DecideExtension: grpc.handleUnaryCall<_spe_v1_DecideExtensionRequest__Output, _spe_v1_DecideExtensionResponse>;
  
  /**
   * DeliverDestructionRecord hands the lead the calling node's destruction
   * record of the permit; the lead keeps it only if it verifies with the
   * caller's registered key.
   */
  DeliverDestructionRecord: grpc.handleUnaryCall<_spe_v1_DeliverDestructionRecordRequest__Output, _spe_v1_DeliverDestructionRecordResponse>;
  
  /**
   * ProposeExtension hands a participant the applicant's request to extend
   * the permit's validity, for its HDAB to decide.
   */
  ProposeExtension: grpc.handleUnaryCall<_spe_v1_ProposeExtensionRequest__Output, _spe_v1_ProposeExtensionResponse>;
  
}

export interface LifecycleServiceDefinition extends grpc.ServiceDefinition {
  ClosePermit: MethodDefinition<_spe_v1_ClosePermitRequest, _spe_v1_ClosePermitResponse, _spe_v1_ClosePermitRequest__Output, _spe_v1_ClosePermitResponse__Output>
  ConcludeExtension: MethodDefinition<_spe_v1_ConcludeExtensionRequest, _spe_v1_ConcludeExtensionResponse, _spe_v1_ConcludeExtensionRequest__Output, _spe_v1_ConcludeExtensionResponse__Output>
  DecideExtension: MethodDefinition<_spe_v1_DecideExtensionRequest, _spe_v1_DecideExtensionResponse, _spe_v1_DecideExtensionRequest__Output, _spe_v1_DecideExtensionResponse__Output>
  DeliverDestructionRecord: MethodDefinition<_spe_v1_DeliverDestructionRecordRequest, _spe_v1_DeliverDestructionRecordResponse, _spe_v1_DeliverDestructionRecordRequest__Output, _spe_v1_DeliverDestructionRecordResponse__Output>
  ProposeExtension: MethodDefinition<_spe_v1_ProposeExtensionRequest, _spe_v1_ProposeExtensionResponse, _spe_v1_ProposeExtensionRequest__Output, _spe_v1_ProposeExtensionResponse__Output>
}
