import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/errors';
import { parsePeerResponse, PeerChannels } from '../../federation/infrastructure/peer-channels';
import { CatalogueClient } from '../application/catalogue-client.port';
import { NodeCatalogue } from '../domain/health-dcat';
import { listDatasetsResponseSchema } from '../transport/catalogue.schemas';

@Injectable()
export class GrpcCatalogueClient extends CatalogueClient {
  constructor(private readonly channels: PeerChannels) {
    super();
  }

  async listDatasets(peerId: string): Promise<NodeCatalogue> {
    const response = await this.channels.call(
      peerId,
      'CatalogueService',
      'ListDatasets',
      {},
      { idempotent: true },
    );
    const catalogue = parsePeerResponse(listDatasetsResponseSchema, response, peerId);
    if (catalogue.publisher.nodeId !== peerId) {
      throw new DomainError(
        'PEER.IDENTITY_MISMATCH',
        `${peerId} answered for ${catalogue.publisher.nodeId}`,
      );
    }
    return catalogue;
  }
}
