import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FederationDirectory } from '../../federation/application/federation-directory';
import { CatalogueService } from '../application/catalogue.service';
import { federatedHealthDcatCatalogue, healthDcatCatalogue } from '../domain/health-dcat';
import { Public } from '../../identity/transport/access.decorators';

const JSON_LD = 'application/ld+json';

/** The public catalogue: no login, no data, only descriptions (EHDS Art 57, 79). */
@ApiTags('catalogue')
@Public()
@Controller('v1/catalogue')
export class CatalogueHttpController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly directory: FederationDirectory,
  ) {}

  @Get()
  @Header('Content-Type', JSON_LD)
  @ApiOperation({ summary: "This HDAB's datasets as a HealthDCAT-AP catalogue (JSON-LD)" })
  @ApiOkResponse({ description: 'A dcat:Catalog in JSON-LD' })
  async local(): Promise<object> {
    return healthDcatCatalogue(await this.catalogue.local(), this.directory.self.httpUrl);
  }

  @Get('federated')
  @Header('Content-Type', JSON_LD)
  @ApiOperation({
    summary:
      "Every node's datasets, asked over gRPC; nodes that did not answer are listed in spe:unavailableNodes",
  })
  @ApiOkResponse({ description: 'A dcat:Catalog of the nodes’ dcat:Catalogs in JSON-LD' })
  async federated(): Promise<object> {
    const { catalogues, unavailable } = await this.catalogue.federated();
    return federatedHealthDcatCatalogue(catalogues, unavailable);
  }
}
