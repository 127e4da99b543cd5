import { Module } from '@nestjs/common';
import { CatalogueClient } from './application/catalogue-client.port';
import { CatalogueService } from './application/catalogue.service';
import { DatasetStore } from './application/dataset-store.port';
import { DatasetsService } from './application/datasets.service';
import { OmopImportService } from './application/omop-import.service';
import { OmopStore } from './application/omop-store.port';
import { GrpcCatalogueClient } from './infrastructure/grpc-catalogue-client';
import { SqlDatasetStore } from './infrastructure/sql-dataset-store';
import { SqlOmopStore } from './infrastructure/sql-omop-store';
import { CatalogueGrpcController } from './transport/catalogue.grpc.controller';
import { CatalogueHttpController } from './transport/catalogue.http.controller';

@Module({
  controllers: [CatalogueHttpController, CatalogueGrpcController],
  providers: [
    { provide: OmopStore, useClass: SqlOmopStore },
    { provide: DatasetStore, useClass: SqlDatasetStore },
    { provide: CatalogueClient, useClass: GrpcCatalogueClient },
    DatasetsService,
    OmopImportService,
    CatalogueService,
  ],
  exports: [DatasetsService, OmopImportService, CatalogueService],
})
export class CatalogueModule {}
