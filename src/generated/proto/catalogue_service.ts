import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CatalogueServiceClient as _spe_v1_CatalogueServiceClient, CatalogueServiceDefinition as _spe_v1_CatalogueServiceDefinition } from './spe/v1/CatalogueService';
import type { Dataset as _spe_v1_Dataset, Dataset__Output as _spe_v1_Dataset__Output } from './spe/v1/Dataset';
import type { ListDatasetsRequest as _spe_v1_ListDatasetsRequest, ListDatasetsRequest__Output as _spe_v1_ListDatasetsRequest__Output } from './spe/v1/ListDatasetsRequest';
import type { ListDatasetsResponse as _spe_v1_ListDatasetsResponse, ListDatasetsResponse__Output as _spe_v1_ListDatasetsResponse__Output } from './spe/v1/ListDatasetsResponse';
import type { Variable as _spe_v1_Variable, Variable__Output as _spe_v1_Variable__Output } from './spe/v1/Variable';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spe: {
    v1: {
      /**
       * CatalogueService lets a peer read what datasets this node's HDAB publishes,
       * so any node can answer for the whole federation. Public information only:
       * descriptions and data dictionaries, never data.
       */
      CatalogueService: SubtypeConstructor<typeof grpc.Client, _spe_v1_CatalogueServiceClient> & { service: _spe_v1_CatalogueServiceDefinition }
      Dataset: MessageTypeDefinition<_spe_v1_Dataset, _spe_v1_Dataset__Output>
      DatasetOrigin: EnumTypeDefinition
      ListDatasetsRequest: MessageTypeDefinition<_spe_v1_ListDatasetsRequest, _spe_v1_ListDatasetsRequest__Output>
      ListDatasetsResponse: MessageTypeDefinition<_spe_v1_ListDatasetsResponse, _spe_v1_ListDatasetsResponse__Output>
      Variable: MessageTypeDefinition<_spe_v1_Variable, _spe_v1_Variable__Output>
      VariableType: EnumTypeDefinition
    }
  }
}

