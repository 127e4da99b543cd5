import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CheckHealthRequest as _spe_v1_CheckHealthRequest, CheckHealthRequest__Output as _spe_v1_CheckHealthRequest__Output } from './spe/v1/CheckHealthRequest';
import type { CheckHealthResponse as _spe_v1_CheckHealthResponse, CheckHealthResponse__Output as _spe_v1_CheckHealthResponse__Output } from './spe/v1/CheckHealthResponse';
import type { GetNodeInfoRequest as _spe_v1_GetNodeInfoRequest, GetNodeInfoRequest__Output as _spe_v1_GetNodeInfoRequest__Output } from './spe/v1/GetNodeInfoRequest';
import type { GetNodeInfoResponse as _spe_v1_GetNodeInfoResponse, GetNodeInfoResponse__Output as _spe_v1_GetNodeInfoResponse__Output } from './spe/v1/GetNodeInfoResponse';
import type { Jwk as _spe_v1_Jwk, Jwk__Output as _spe_v1_Jwk__Output } from './spe/v1/Jwk';
import type { PeerServiceClient as _spe_v1_PeerServiceClient, PeerServiceDefinition as _spe_v1_PeerServiceDefinition } from './spe/v1/PeerService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spe: {
    v1: {
      CheckHealthRequest: MessageTypeDefinition<_spe_v1_CheckHealthRequest, _spe_v1_CheckHealthRequest__Output>
      CheckHealthResponse: MessageTypeDefinition<_spe_v1_CheckHealthResponse, _spe_v1_CheckHealthResponse__Output>
      GetNodeInfoRequest: MessageTypeDefinition<_spe_v1_GetNodeInfoRequest, _spe_v1_GetNodeInfoRequest__Output>
      GetNodeInfoResponse: MessageTypeDefinition<_spe_v1_GetNodeInfoResponse, _spe_v1_GetNodeInfoResponse__Output>
      Jwk: MessageTypeDefinition<_spe_v1_Jwk, _spe_v1_Jwk__Output>
      /**
       * PeerService is what every node answers to every other node of the
       * federation, over mutual TLS only. The caller is identified by its client
       * certificate, never by anything in the request.
       */
      PeerService: SubtypeConstructor<typeof grpc.Client, _spe_v1_PeerServiceClient> & { service: _spe_v1_PeerServiceDefinition }
      ServingStatus: EnumTypeDefinition
    }
  }
}

