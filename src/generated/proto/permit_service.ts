import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ChangePermitStatusRequest as _spe_v1_ChangePermitStatusRequest, ChangePermitStatusRequest__Output as _spe_v1_ChangePermitStatusRequest__Output } from './spe/v1/ChangePermitStatusRequest';
import type { ChangePermitStatusResponse as _spe_v1_ChangePermitStatusResponse, ChangePermitStatusResponse__Output as _spe_v1_ChangePermitStatusResponse__Output } from './spe/v1/ChangePermitStatusResponse';
import type { ConcludeApplicationRequest as _spe_v1_ConcludeApplicationRequest, ConcludeApplicationRequest__Output as _spe_v1_ConcludeApplicationRequest__Output } from './spe/v1/ConcludeApplicationRequest';
import type { ConcludeApplicationResponse as _spe_v1_ConcludeApplicationResponse, ConcludeApplicationResponse__Output as _spe_v1_ConcludeApplicationResponse__Output } from './spe/v1/ConcludeApplicationResponse';
import type { PermitServiceClient as _spe_v1_PermitServiceClient, PermitServiceDefinition as _spe_v1_PermitServiceDefinition } from './spe/v1/PermitService';
import type { RecordDecisionRequest as _spe_v1_RecordDecisionRequest, RecordDecisionRequest__Output as _spe_v1_RecordDecisionRequest__Output } from './spe/v1/RecordDecisionRequest';
import type { RecordDecisionResponse as _spe_v1_RecordDecisionResponse, RecordDecisionResponse__Output as _spe_v1_RecordDecisionResponse__Output } from './spe/v1/RecordDecisionResponse';
import type { SignPermitRequest as _spe_v1_SignPermitRequest, SignPermitRequest__Output as _spe_v1_SignPermitRequest__Output } from './spe/v1/SignPermitRequest';
import type { SignPermitResponse as _spe_v1_SignPermitResponse, SignPermitResponse__Output as _spe_v1_SignPermitResponse__Output } from './spe/v1/SignPermitResponse';
import type { SubmitApplicationRequest as _spe_v1_SubmitApplicationRequest, SubmitApplicationRequest__Output as _spe_v1_SubmitApplicationRequest__Output } from './spe/v1/SubmitApplicationRequest';
import type { SubmitApplicationResponse as _spe_v1_SubmitApplicationResponse, SubmitApplicationResponse__Output as _spe_v1_SubmitApplicationResponse__Output } from './spe/v1/SubmitApplicationResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spe: {
    v1: {
      ApplicationOutcome: EnumTypeDefinition
      ChangePermitStatusRequest: MessageTypeDefinition<_spe_v1_ChangePermitStatusRequest, _spe_v1_ChangePermitStatusRequest__Output>
      ChangePermitStatusResponse: MessageTypeDefinition<_spe_v1_ChangePermitStatusResponse, _spe_v1_ChangePermitStatusResponse__Output>
      ConcludeApplicationRequest: MessageTypeDefinition<_spe_v1_ConcludeApplicationRequest, _spe_v1_ConcludeApplicationRequest__Output>
      ConcludeApplicationResponse: MessageTypeDefinition<_spe_v1_ConcludeApplicationResponse, _spe_v1_ConcludeApplicationResponse__Output>
      DecisionOutcome: EnumTypeDefinition
      PermitChange: EnumTypeDefinition
      /**
       * PermitService carries one application across the HDABs it concerns: the
       * lead node sends each participant the application, each participant's
       * decision comes back to the lead, each participant signs the permit it
       * approved, and the lead tells everyone how it ended. The caller is the node
       * of its client certificate. Applications and permit payloads travel as JSON
       * text: the permit payload is signed byte for byte (RFC 8785 canonical JSON).
       */
      PermitService: SubtypeConstructor<typeof grpc.Client, _spe_v1_PermitServiceClient> & { service: _spe_v1_PermitServiceDefinition }
      RecordDecisionRequest: MessageTypeDefinition<_spe_v1_RecordDecisionRequest, _spe_v1_RecordDecisionRequest__Output>
      RecordDecisionResponse: MessageTypeDefinition<_spe_v1_RecordDecisionResponse, _spe_v1_RecordDecisionResponse__Output>
      SignPermitRequest: MessageTypeDefinition<_spe_v1_SignPermitRequest, _spe_v1_SignPermitRequest__Output>
      SignPermitResponse: MessageTypeDefinition<_spe_v1_SignPermitResponse, _spe_v1_SignPermitResponse__Output>
      SubmitApplicationRequest: MessageTypeDefinition<_spe_v1_SubmitApplicationRequest, _spe_v1_SubmitApplicationRequest__Output>
      SubmitApplicationResponse: MessageTypeDefinition<_spe_v1_SubmitApplicationResponse, _spe_v1_SubmitApplicationResponse__Output>
    }
  }
}

