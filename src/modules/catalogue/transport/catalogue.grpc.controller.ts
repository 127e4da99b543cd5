import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { ListDatasetsResponse } from '../../../generated/proto/spe/v1/ListDatasetsResponse';
import { parseInput } from '../../../shared/validation';
import { CatalogueService } from '../application/catalogue.service';
import { listDatasetsRequestSchema, WIRE_BY_ORIGIN, WIRE_BY_TYPE } from './catalogue.schemas';

@Controller()
export class CatalogueGrpcController {
  constructor(private readonly catalogue: CatalogueService) {}

  @GrpcMethod('CatalogueService', 'ListDatasets')
  async listDatasets(request: unknown): Promise<ListDatasetsResponse> {
    parseInput(listDatasetsRequestSchema, request, 'ListDatasetsRequest');
    const { publisher, datasets } = await this.catalogue.local();
    return {
      ...publisher,
      datasets: datasets.map((d) => ({
        id: d.id,
        title: d.title,
        description: d.description,
        keywords: [...d.keywords],
        numberOfRecordsRounded: String(d.numberOfRecords ?? 0),
        refreshedAt: d.refreshedAt,
        version: d.version ?? '',
        origin: WIRE_BY_ORIGIN[d.origin],
        variables: d.variables.map((v) => ({
          name: v.name,
          type: WIRE_BY_TYPE[v.type],
          description: v.description,
          unit: v.unit ?? '',
          levels: [...(v.levels ?? [])],
          required: v.required === true,
        })),
      })),
    };
  }
}
