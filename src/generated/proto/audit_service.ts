import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuditServiceClient as _spe_v1_AuditServiceClient, AuditServiceDefinition as _spe_v1_AuditServiceDefinition } from './spe/v1/AuditService';
import type { GetConsistencyProofRequest as _spe_v1_GetConsistencyProofRequest, GetConsistencyProofRequest__Output as _spe_v1_GetConsistencyProofRequest__Output } from './spe/v1/GetConsistencyProofRequest';
import type { GetConsistencyProofResponse as _spe_v1_GetConsistencyProofResponse, GetConsistencyProofResponse__Output as _spe_v1_GetConsistencyProofResponse__Output } from './spe/v1/GetConsistencyProofResponse';
import type { GetSignedTreeHeadRequest as _spe_v1_GetSignedTreeHeadRequest, GetSignedTreeHeadRequest__Output as _spe_v1_GetSignedTreeHeadRequest__Output } from './spe/v1/GetSignedTreeHeadRequest';
import type { GetSignedTreeHeadResponse as _spe_v1_GetSignedTreeHeadResponse, GetSignedTreeHeadResponse__Output as _spe_v1_GetSignedTreeHeadResponse__Output } from './spe/v1/GetSignedTreeHeadResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spe: {
    v1: {
      /**
       * AuditService lets the nodes of the federation watch each other's audit
       * logs. Each node fetches its peers' signed tree heads on a schedule and asks
       * for the proof that a new head extends the one it holds: a node that
       * rewrote its history cannot give it. The caller is the node of its client
       * certificate. Both calls are read-only.
       */
      AuditService: SubtypeConstructor<typeof grpc.Client, _spe_v1_AuditServiceClient> & { service: _spe_v1_AuditServiceDefinition }
      GetConsistencyProofRequest: MessageTypeDefinition<_spe_v1_GetConsistencyProofRequest, _spe_v1_GetConsistencyProofRequest__Output>
      GetConsistencyProofResponse: MessageTypeDefinition<_spe_v1_GetConsistencyProofResponse, _spe_v1_GetConsistencyProofResponse__Output>
      GetSignedTreeHeadRequest: MessageTypeDefinition<_spe_v1_GetSignedTreeHeadRequest, _spe_v1_GetSignedTreeHeadRequest__Output>
      GetSignedTreeHeadResponse: MessageTypeDefinition<_spe_v1_GetSignedTreeHeadResponse, _spe_v1_GetSignedTreeHeadResponse__Output>
    }
  }
}

