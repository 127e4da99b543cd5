import { NodeCatalogue } from '../domain/health-dcat';

/** Another node's published catalogue, over gRPC. */
export abstract class CatalogueClient {
  abstract listDatasets(peerId: string): Promise<NodeCatalogue>;
}
