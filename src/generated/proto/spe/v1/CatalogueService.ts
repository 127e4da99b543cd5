// Original file: proto/spe/v1/catalogue_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListDatasetsRequest as _spe_v1_ListDatasetsRequest, ListDatasetsRequest__Output as _spe_v1_ListDatasetsRequest__Output } from '../../spe/v1/ListDatasetsRequest';
import type { ListDatasetsResponse as _spe_v1_ListDatasetsResponse, ListDatasetsResponse__Output as _spe_v1_ListDatasetsResponse__Output } from '../../spe/v1/ListDatasetsResponse';

/**
 * CatalogueService lets a peer read what datasets this node's HDAB publishes,
 * so any node can answer for the whole federation. Public information only:
 * descriptions and data dictionaries, never data.
 */
export interface CatalogueServiceClient extends grpc.Client {
  /**
   * ListDatasets returns every dataset this node publishes.
   */
  ListDatasets(argument: _spe_v1_ListDatasetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  ListDatasets(argument: _spe_v1_ListDatasetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  ListDatasets(argument: _spe_v1_ListDatasetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  ListDatasets(argument: _spe_v1_ListDatasetsRequest, callback: grpc.requestCallback<_spe_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListDatasets returns every dataset this node publishes.
   */
  listDatasets(argument: _spe_v1_ListDatasetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  listDatasets(argument: _spe_v1_ListDatasetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_spe_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  listDatasets(argument: _spe_v1_ListDatasetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_spe_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  listDatasets(argument: _spe_v1_ListDatasetsRequest, callback: grpc.requestCallback<_spe_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * CatalogueService lets a peer read what datasets this node's HDAB publishes,
 * so any node can answer for the whole federation. Public information only:
 * descriptions and data dictionaries, never data.
 */
export interface CatalogueServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * ListDatasets returns every dataset this node publishes.
   */
  ListDatasets: grpc.handleUnaryCall<_spe_v1_ListDatasetsRequest__Output, _spe_v1_ListDatasetsResponse>;
  
}

export interface CatalogueServiceDefinition extends grpc.ServiceDefinition {
  ListDatasets: MethodDefinition<_spe_v1_ListDatasetsRequest, _spe_v1_ListDatasetsResponse, _spe_v1_ListDatasetsRequest__Output, _spe_v1_ListDatasetsResponse__Output>
}
