import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ClosePermitRequest as _spe_v1_ClosePermitRequest, ClosePermitRequest__Output as _spe_v1_ClosePermitRequest__Output } from './spe/v1/ClosePermitRequest';
import type { ClosePermitResponse as _spe_v1_ClosePermitResponse, ClosePermitResponse__Output as _spe_v1_ClosePermitResponse__Output } from './spe/v1/ClosePermitResponse';
import type { DeliverDestructionRecordRequest as _spe_v1_DeliverDestructionRecordRequest, DeliverDestructionRecordRequest__Output as _spe_v1_DeliverDestructionRecordRequest__Output } from './spe/v1/DeliverDestructionRecordRequest';
import type { DeliverDestructionRecordResponse as _spe_v1_DeliverDestructionRecordResponse, DeliverDestructionRecordResponse__Output as _spe_v1_DeliverDestructionRecordResponse__Output } from './spe/v1/DeliverDestructionRecordResponse';
import type { LifecycleServiceClient as _spe_v1_LifecycleServiceClient, LifecycleServiceDefinition as _spe_v1_LifecycleServiceDefinition } from './spe/v1/LifecycleService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spe: {
    v1: {
      ClosePermitRequest: MessageTypeDefinition<_spe_v1_ClosePermitRequest, _spe_v1_ClosePermitRequest__Output>
      ClosePermitResponse: MessageTypeDefinition<_spe_v1_ClosePermitResponse, _spe_v1_ClosePermitResponse__Output>
      DeliverDestructionRecordRequest: MessageTypeDefinition<_spe_v1_DeliverDestructionRecordRequest, _spe_v1_DeliverDestructionRecordRequest__Output>
      DeliverDestructionRecordResponse: MessageTypeDefinition<_spe_v1_DeliverDestructionRecordResponse, _spe_v1_DeliverDestructionRecordResponse__Output>
      /**
       * LifecycleService carries the end of a permit between nodes: the lead tells
       * each participant that it closed the permit, and each participant hands
       * the lead the signed record of what it destroyed. The caller is the node of
       * its client certificate. Both calls are idempotent.
       */
      LifecycleService: SubtypeConstructor<typeof grpc.Client, _spe_v1_LifecycleServiceClient> & { service: _spe_v1_LifecycleServiceDefinition }
    }
  }
}

