import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ApplicationsQueryService } from './application/applications-query.service';
import { ChangePermitService } from './application/change-permit.service';
import { CompleteApplicationService } from './application/complete-application.service';
import { DecideApplicationService } from './application/decide-application.service';
import { LodgeApplicationService } from './application/lodge-application.service';
import { ParticipateService } from './application/participate.service';
import { PermitCrypto } from './application/permit-crypto.port';
import { PermitPeers } from './application/permit-peers.port';
import { PermitRepository } from './application/permit-repository.port';
import { PermitStagesService } from './application/permit-stages.service';
import { PermitVerifier } from './application/permit-verifier';
import { GrpcPermitPeers } from './infrastructure/grpc-permit-peers';
import { JosePermitCrypto } from './infrastructure/jose-permit-crypto';
import { SqlPermitRepository } from './infrastructure/sql-permit-repository';
import { ApplicationsHttpController } from './transport/applications.http.controller';
import { PermitsGrpcController } from './transport/permits.grpc.controller';

@Module({
  imports: [CatalogueModule],
  controllers: [ApplicationsHttpController, PermitsGrpcController],
  providers: [
    { provide: PermitRepository, useClass: SqlPermitRepository },
    { provide: PermitCrypto, useClass: JosePermitCrypto },
    { provide: PermitPeers, useClass: GrpcPermitPeers },
    PermitVerifier,
    PermitStagesService,
    LodgeApplicationService,
    DecideApplicationService,
    ParticipateService,
    ApplicationsQueryService,
    ChangePermitService,
    CompleteApplicationService,
  ],
  exports: [PermitVerifier, PermitStagesService, ApplicationsQueryService],
})
export class PermitsModule {}
