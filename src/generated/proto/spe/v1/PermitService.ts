// Original file: proto/spe/v1/permit_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ChangePermitStatusRequest as _spe_v1_ChangePermitStatusRequest, ChangePermitStatusRequest__Output as _spe_v1_ChangePermitStatusRequest__Output } from '../../spe/v1/ChangePermitStatusRequest';
import type { ChangePermitStatusResponse as _spe_v1_ChangePermitStatusResponse, ChangePermitStatusResponse__Output as _spe_v1_ChangePermitStatusResponse__Output } from '../../spe/v1/ChangePermitStatusResponse';
import type { ConcludeApplicationRequest as _spe_v1_ConcludeApplicationRequest, ConcludeApplicationRequest__Output as _spe_v1_ConcludeApplicationRequest__Output } from '../../spe/v1/ConcludeApplicationRequest';
import type { ConcludeApplicationResponse as _spe_v1_ConcludeApplicationResponse, ConcludeApplicationResponse__Output as _spe_v1_ConcludeApplicationResponse__Output } from '../../spe/v1/ConcludeApplicationResponse';
import type { RecordDecisionRequest as _spe_v1_RecordDecisionRequest, RecordDecisionRequest__Output as _spe_v1_RecordDecisionRequest__Output } from '../../spe/v1/RecordDecisionRequest';
import type { RecordDecisionResponse as _spe_v1_RecordDecisionResponse, RecordDecisionResponse__Output as _spe_v1_RecordDecisionResponse__Output } from '../../spe/v1/RecordDecisionResponse';
import type { SignPermitRequest as _spe_v1_SignPermitRequest, SignPermitRequest__Output as _spe_v1_SignPermitRequest__Output } from '../../spe/v1/SignPermitRequest';
import type { SignPermitResponse as _spe_v1_SignPermitResponse, SignPermitResponse__Output as _spe_v1_SignPermitResponse__Output } from '../../spe/v1/SignPermitResponse';
import type { SubmitApplicationRequest as _spe_v1_SubmitApplicationRequest, SubmitApplicationRequest__Output as _spe_v1_SubmitApplicationRequest__Output } from '../../spe/v1/SubmitApplicationRequest';
import type { SubmitApplicationResponse as _spe_v1_SubmitApplicationResponse, SubmitApplicationResponse__Output as _spe_v1_SubmitApplicationResponse__Output } from '../../spe/v1/SubmitApplicationResponse';

/**
 * PermitService carries one application across the HDABs it concerns: the
 * lead node sends each participant the application, each participant's
 * decision comes back to the lead, each participant signs the permit it
 * approved, and the lead tells everyone how it ended. The caller is the node
 * of its client certificate. Applications and permit payloads travel as JSON
 * text: the permit payload is signed byte for byte (RFC 8785 canonical JSON).
 */
export interface PermitServiceClient extends grpc.Client {
  /**
   * ChangePermitStatus tells every other participant that the calling node's
   * HDAB suspended, resumed or revoked a permit; it takes effect at once.
   */
  ChangePermitStatus(argument: _spe_v1_ChangePermitStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ChangePermitStatusResponse__Output>): grpc.ClientUnaryCall;
  ChangePermitStatus(argument: _spe_v1_ChangePermitStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ChangePermitStatusResponse__Output>): grpc.ClientUnaryCall;
  ChangePermitStatus(argument: _spe_v1_ChangePermitStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ChangePermitStatusResponse__Output>): grpc.ClientUnaryCall;
  ChangePermitStatus(argument: _spe_v1_ChangePermitStatusRequest, callback: grpc.requestCallback<_spe_v1_ChangePermitStatusResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ChangePermitStatus tells every other participant that the calling node's
   * HDAB suspended, resumed or revoked a permit; it takes effect at once.
   */
  changePermitStatus(argument: _spe_v1_ChangePermitStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ChangePermitStatusResponse__Output>): grpc.ClientUnaryCall;
  changePermitStatus(argument: _spe_v1_ChangePermitStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ChangePermitStatusResponse__Output>): grpc.ClientUnaryCall;
  changePermitStatus(argument: _spe_v1_ChangePermitStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ChangePermitStatusResponse__Output>): grpc.ClientUnaryCall;
  changePermitStatus(argument: _spe_v1_ChangePermitStatusRequest, callback: grpc.requestCallback<_spe_v1_ChangePermitStatusResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ConcludeApplication tells a participant that the application was granted
   * (with the multi-signed permit), rejected or withdrawn (with the reasons).
   */
  ConcludeApplication(argument: _spe_v1_ConcludeApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ConcludeApplicationResponse__Output>): grpc.ClientUnaryCall;
  ConcludeApplication(argument: _spe_v1_ConcludeApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ConcludeApplicationResponse__Output>): grpc.ClientUnaryCall;
  ConcludeApplication(argument: _spe_v1_ConcludeApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ConcludeApplicationResponse__Output>): grpc.ClientUnaryCall;
  ConcludeApplication(argument: _spe_v1_ConcludeApplicationRequest, callback: grpc.requestCallback<_spe_v1_ConcludeApplicationResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ConcludeApplication tells a participant that the application was granted
   * (with the multi-signed permit), rejected or withdrawn (with the reasons).
   */
  concludeApplication(argument: _spe_v1_ConcludeApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ConcludeApplicationResponse__Output>): grpc.ClientUnaryCall;
  concludeApplication(argument: _spe_v1_ConcludeApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ConcludeApplicationResponse__Output>): grpc.ClientUnaryCall;
  concludeApplication(argument: _spe_v1_ConcludeApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ConcludeApplicationResponse__Output>): grpc.ClientUnaryCall;
  concludeApplication(argument: _spe_v1_ConcludeApplicationRequest, callback: grpc.requestCallback<_spe_v1_ConcludeApplicationResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * RecordDecision tells the lead how the calling node's HDAB decided.
   */
  RecordDecision(argument: _spe_v1_RecordDecisionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_RecordDecisionResponse__Output>): grpc.ClientUnaryCall;
  RecordDecision(argument: _spe_v1_RecordDecisionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_RecordDecisionResponse__Output>): grpc.ClientUnaryCall;
  RecordDecision(argument: _spe_v1_RecordDecisionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_RecordDecisionResponse__Output>): grpc.ClientUnaryCall;
  RecordDecision(argument: _spe_v1_RecordDecisionRequest, callback: grpc.requestCallback<_spe_v1_RecordDecisionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * RecordDecision tells the lead how the calling node's HDAB decided.
   */
  recordDecision(argument: _spe_v1_RecordDecisionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_RecordDecisionResponse__Output>): grpc.ClientUnaryCall;
  recordDecision(argument: _spe_v1_RecordDecisionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_RecordDecisionResponse__Output>): grpc.ClientUnaryCall;
  recordDecision(argument: _spe_v1_RecordDecisionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_RecordDecisionResponse__Output>): grpc.ClientUnaryCall;
  recordDecision(argument: _spe_v1_RecordDecisionRequest, callback: grpc.requestCallback<_spe_v1_RecordDecisionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * SignPermit asks a participant to sign the permit payload of an
   * application it approved; it answers with its JWS signature.
   */
  SignPermit(argument: _spe_v1_SignPermitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_SignPermitResponse__Output>): grpc.ClientUnaryCall;
  SignPermit(argument: _spe_v1_SignPermitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_SignPermitResponse__Output>): grpc.ClientUnaryCall;
  SignPermit(argument: _spe_v1_SignPermitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_SignPermitResponse__Output>): grpc.ClientUnaryCall;
  SignPermit(argument: _spe_v1_SignPermitRequest, callback: grpc.requestCallback<_spe_v1_SignPermitResponse__Output>): grpc.ClientUnaryCall;
  /**
   * SignPermit asks a participant to sign the permit payload of an
   * application it approved; it answers with its JWS signature.
   */
  signPermit(argument: _spe_v1_SignPermitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_SignPermitResponse__Output>): grpc.ClientUnaryCall;
  signPermit(argument: _spe_v1_SignPermitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_SignPermitResponse__Output>): grpc.ClientUnaryCall;
  signPermit(argument: _spe_v1_SignPermitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_SignPermitResponse__Output>): grpc.ClientUnaryCall;
  signPermit(argument: _spe_v1_SignPermitRequest, callback: grpc.requestCallback<_spe_v1_SignPermitResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * SubmitApplication gives a participant the application lodged at the lead.
   * Idempotent by application id.
   */
  SubmitApplication(argument: _spe_v1_SubmitApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_SubmitApplicationResponse__Output>): grpc.ClientUnaryCall;
  SubmitApplication(argument: _spe_v1_SubmitApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_SubmitApplicationResponse__Output>): grpc.ClientUnaryCall;
  SubmitApplication(argument: _spe_v1_SubmitApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_SubmitApplicationResponse__Output>): grpc.ClientUnaryCall;
  SubmitApplication(argument: _spe_v1_SubmitApplicationRequest, callback: grpc.requestCallback<_spe_v1_SubmitApplicationResponse__Output>): grpc.ClientUnaryCall;
  /**
   * SubmitApplication gives a participant the application lodged at the lead.
   * Idempotent by application id.
   */
  submitApplication(argument: _spe_v1_SubmitApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_SubmitApplicationResponse__Output>): grpc.ClientUnaryCall;
  submitApplication(argument: _spe_v1_SubmitApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_SubmitApplicationResponse__Output>): grpc.ClientUnaryCall;
  submitApplication(argument: _spe_v1_SubmitApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_SubmitApplicationResponse__Output>): grpc.ClientUnaryCall;
  submitApplication(argument: _spe_v1_SubmitApplicationRequest, callback: grpc.requestCallback<_spe_v1_SubmitApplicationResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * PermitService carries one application across the HDABs it concerns: the
 * lead node sends each participant the application, each participant's
 * decision comes back to the lead, each participant signs the permit it
 * approved, and the lead tells everyone how it ended. The caller is the node
 * of its client certificate. Applications and permit payloads travel as JSON
 * text: the permit payload is signed byte for byte (RFC 8785 canonical JSON).
 */
export interface PermitServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * ChangePermitStatus tells every other participant that the calling node's
   * HDAB suspended, resumed or revoked a permit; it takes effect at once.
   */
  ChangePermitStatus: grpc.handleUnaryCall<_spe_v1_ChangePermitStatusRequest__Output, _spe_v1_ChangePermitStatusResponse>;
  
  /**
   * ConcludeApplication tells a participant that the application was granted
   * (with the multi-signed permit), rejected or withdrawn (with the reasons).
   */
  ConcludeApplication: grpc.handleUnaryCall<_spe_v1_ConcludeApplicationRequest__Output, _spe_v1_ConcludeApplicationResponse>;
  
  /**
   * RecordDecision tells the lead how the calling node's HDAB decided.
   */
  RecordDecision: grpc.handleUnaryCall<_spe_v1_RecordDecisionRequest__Output, _spe_v1_RecordDecisionResponse>;
  
  /**
   * SignPermit asks a participant to sign the permit payload of an
   * application it approved; it answers with its JWS signature.
   */
  SignPermit: grpc.handleUnaryCall<_spe_v1_SignPermitRequest__Output, _spe_v1_SignPermitResponse>;
  
  /**
   * SubmitApplication gives a participant the application lodged at the lead.
   * Idempotent by application id.
   */
  SubmitApplication: grpc.handleUnaryCall<_spe_v1_SubmitApplicationRequest__Output, _spe_v1_SubmitApplicationResponse>;
  
}

export interface PermitServiceDefinition extends grpc.ServiceDefinition {
  ChangePermitStatus: MethodDefinition<_spe_v1_ChangePermitStatusRequest, _spe_v1_ChangePermitStatusResponse, _spe_v1_ChangePermitStatusRequest__Output, _spe_v1_ChangePermitStatusResponse__Output>
  ConcludeApplication: MethodDefinition<_spe_v1_ConcludeApplicationRequest, _spe_v1_ConcludeApplicationResponse, _spe_v1_ConcludeApplicationRequest__Output, _spe_v1_ConcludeApplicationResponse__Output>
  RecordDecision: MethodDefinition<_spe_v1_RecordDecisionRequest, _spe_v1_RecordDecisionResponse, _spe_v1_RecordDecisionRequest__Output, _spe_v1_RecordDecisionResponse__Output>
  SignPermit: MethodDefinition<_spe_v1_SignPermitRequest, _spe_v1_SignPermitResponse, _spe_v1_SignPermitRequest__Output, _spe_v1_SignPermitResponse__Output>
  SubmitApplication: MethodDefinition<_spe_v1_SubmitApplicationRequest, _spe_v1_SubmitApplicationResponse, _spe_v1_SubmitApplicationRequest__Output, _spe_v1_SubmitApplicationResponse__Output>
}
