import { Injectable } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { DomainError } from '../../../shared/errors';
import { FederationDirectory } from '../../federation/application/federation-directory';
import { publish } from '../domain/dataset';
import { NodeCatalogue } from '../domain/health-dcat';
import { CatalogueClient } from './catalogue-client.port';
import { DatasetsService } from './datasets.service';

export interface FederatedCatalogue {
  readonly catalogues: readonly { readonly catalogue: NodeCatalogue; readonly baseUri: string }[];
  readonly unavailable: readonly { readonly nodeId: string; readonly reason: string }[];
}

/** What this node publishes, and what the whole federation publishes. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly peers: CatalogueClient,
    private readonly directory: FederationDirectory,
    private readonly node: NodeConfig,
  ) {}

  async local(): Promise<NodeCatalogue> {
    return {
      publisher: {
        nodeId: this.node.id,
        country: this.node.country,
        hdabName: this.node.hdabName,
        contactEmail: this.node.contactEmail,
      },
      datasets: (await this.datasets.list()).map(publish),
    };
  }

  /** Every node's catalogue, asked in parallel; a node that does not answer is named, not fatal. */
  async federated(): Promise<FederatedCatalogue> {
    const self = this.directory.self;
    const answers = await Promise.all([
      this.local().then((catalogue) => ({ member: self, catalogue })),
      ...this.directory.peers().map((member) =>
        this.peers.listDatasets(member.id).then(
          (catalogue) => ({ member, catalogue }),
          (error: unknown) => ({
            member,
            reason: error instanceof DomainError ? `${error.code}: ${error.message}` : 'no answer',
          }),
        ),
      ),
    ]);
    return {
      catalogues: answers.flatMap((a) =>
        'catalogue' in a ? [{ catalogue: a.catalogue, baseUri: a.member.httpUrl }] : [],
      ),
      unavailable: answers.flatMap((a) =>
        'reason' in a ? [{ nodeId: a.member.id, reason: a.reason }] : [],
      ),
    };
  }
}
