import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ClosePermitRequest as _spe_v1_ClosePermitRequest, ClosePermitRequest__Output as _spe_v1_ClosePermitRequest__Output } from './spe/v1/ClosePermitRequest';
import type { ClosePermitResponse as _spe_v1_ClosePermitResponse, ClosePermitResponse__Output as _spe_v1_ClosePermitResponse__Output } from './spe/v1/ClosePermitResponse';
import type { ConcludeExtensionRequest as _spe_v1_ConcludeExtensionRequest, ConcludeExtensionRequest__Output as _spe_v1_ConcludeExtensionRequest__Output } from './spe/v1/ConcludeExtensionRequest';
import type { ConcludeExtensionResponse as _spe_v1_ConcludeExtensionResponse, ConcludeExtensionResponse__Output as _spe_v1_ConcludeExtensionResponse__Output } from './spe/v1/ConcludeExtensionResponse';
import type { DecideExtensionRequest as _spe_v1_DecideExtensionRequest, DecideExtensionRequest__Output as _spe_v1_DecideExtensionRequest__Output } from './spe/v1/DecideExtensionRequest';
import type { DecideExtensionResponse as _spe_v1_DecideExtensionResponse, DecideExtensionResponse__Output as _spe_v1_DecideExtensionResponse__Output } from './spe/v1/DecideExtensionResponse';
import type { DeliverDestructionRecordRequest as _spe_v1_DeliverDestructionRecordRequest, DeliverDestructionRecordRequest__Output as _spe_v1_DeliverDestructionRecordRequest__Output } from './spe/v1/DeliverDestructionRecordRequest';
import type { DeliverDestructionRecordResponse as _spe_v1_DeliverDestructionRecordResponse, DeliverDestructionRecordResponse__Output as _spe_v1_DeliverDestructionRecordResponse__Output } from './spe/v1/DeliverDestructionRecordResponse';
import type { LifecycleServiceClient as _spe_v1_LifecycleServiceClient, LifecycleServiceDefinition as _spe_v1_LifecycleServiceDefinition } from './spe/v1/LifecycleService';
import type { ProposeExtensionRequest as _spe_v1_ProposeExtensionRequest, ProposeExtensionRequest__Output as _spe_v1_ProposeExtensionRequest__Output } from './spe/v1/ProposeExtensionRequest';
import type { ProposeExtensionResponse as _spe_v1_ProposeExtensionResponse, ProposeExtensionResponse__Output as _spe_v1_ProposeExtensionResponse__Output } from './spe/v1/ProposeExtensionResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spe: {
    v1: {
      ClosePermitRequest: MessageTypeDefinition<_spe_v1_ClosePermitRequest, _spe_v1_ClosePermitRequest__Output>
      ClosePermitResponse: MessageTypeDefinition<_spe_v1_ClosePermitResponse, _spe_v1_ClosePermitResponse__Output>
      ConcludeExtensionRequest: MessageTypeDefinition<_spe_v1_ConcludeExtensionRequest, _spe_v1_ConcludeExtensionRequest__Output>
      ConcludeExtensionResponse: MessageTypeDefinition<_spe_v1_ConcludeExtensionResponse, _spe_v1_ConcludeExtensionResponse__Output>
      DecideExtensionRequest: MessageTypeDefinition<_spe_v1_DecideExtensionRequest, _spe_v1_DecideExtensionRequest__Output>
      DecideExtensionResponse: MessageTypeDefinition<_spe_v1_DecideExtensionResponse, _spe_v1_DecideExtensionResponse__Output>
      DeliverDestructionRecordRequest: MessageTypeDefinition<_spe_v1_DeliverDestructionRecordRequest, _spe_v1_DeliverDestructionRecordRequest__Output>
      DeliverDestructionRecordResponse: MessageTypeDefinition<_spe_v1_DeliverDestructionRecordResponse, _spe_v1_DeliverDestructionRecordResponse__Output>
      ExtensionOutcome: EnumTypeDefinition
      /**
       * LifecycleService carries the end of a permit between nodes: the lead tells
       * each participant that it closed the permit, each participant hands the
       * lead the signed record of what it destroyed, and an extension of the
       * permit's validity is asked of, decided by and concluded at every
       * participant. The caller is the node of its client certificate. Every call
       * is idempotent.
       */
      LifecycleService: SubtypeConstructor<typeof grpc.Client, _spe_v1_LifecycleServiceClient> & { service: _spe_v1_LifecycleServiceDefinition }
      ProposeExtensionRequest: MessageTypeDefinition<_spe_v1_ProposeExtensionRequest, _spe_v1_ProposeExtensionRequest__Output>
      ProposeExtensionResponse: MessageTypeDefinition<_spe_v1_ProposeExtensionResponse, _spe_v1_ProposeExtensionResponse__Output>
    }
  }
}

