import { Module } from '@nestjs/common';
import { CatalogueClient } from './application/catalogue-client.port';
import { CatalogueService } from './application/catalogue.service';
import { DatasetStore } from './application/dataset-store.port';
import { DatasetsService } from './application/datasets.service';
import { DictionaryDrafts } from './application/dictionary-drafts.port';
import { FlatDatasetStore } from './application/flat-dataset-store.port';
import { RegisterDatasetService } from './application/register-dataset.service';
import { OmopImportService } from './application/omop-import.service';
import { OmopStore } from './application/omop-store.port';
import { GrpcCatalogueClient } from './infrastructure/grpc-catalogue-client';
import { SqlDatasetStore } from './infrastructure/sql-dataset-store';
import { SqlDictionaryDrafts } from './infrastructure/sql-dictionary-drafts';
import { SqlFlatDatasetStore } from './infrastructure/sql-flat-dataset-store';
import { SqlOmopStore } from './infrastructure/sql-omop-store';
import { CatalogueGrpcController } from './transport/catalogue.grpc.controller';
import { CatalogueHttpController } from './transport/catalogue.http.controller';
import { DatasetsHttpController } from './transport/datasets.http.controller';

@Module({
  controllers: [CatalogueHttpController, CatalogueGrpcController, DatasetsHttpController],
  providers: [
    { provide: OmopStore, useClass: SqlOmopStore },
    { provide: DatasetStore, useClass: SqlDatasetStore },
    { provide: FlatDatasetStore, useClass: SqlFlatDatasetStore },
    { provide: DictionaryDrafts, useClass: SqlDictionaryDrafts },
    { provide: CatalogueClient, useClass: GrpcCatalogueClient },
    DatasetsService,
    OmopImportService,
    RegisterDatasetService,
    CatalogueService,
  ],
  exports: [DatasetsService, OmopImportService, CatalogueService],
})
export class CatalogueModule {}
