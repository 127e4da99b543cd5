import { Module } from '@nestjs/common';
import { PermitsModule } from '../permits/permits.module';
import { AirlockDecisions } from './application/airlock-decisions';
import { AirlockDeliveries } from './application/airlock-deliveries.service';
import { AirlockRepository } from './application/airlock-repository.port';
import { AirlockReviewService } from './application/airlock-review.service';
import { OutputGate } from './application/output-gate.service';
import { ReleasedPopulations } from './application/released-populations.port';
import { SqlAirlockRepository } from './infrastructure/sql-airlock-repository';
import { SqlReleasedPopulations } from './infrastructure/sql-released-populations';
import { AirlockHttpController } from './transport/airlock.http.controller';

@Module({
  imports: [PermitsModule],
  controllers: [AirlockHttpController],
  providers: [
    { provide: AirlockRepository, useClass: SqlAirlockRepository },
    { provide: ReleasedPopulations, useClass: SqlReleasedPopulations },
    OutputGate,
    AirlockReviewService,
    AirlockDecisions,
    AirlockDeliveries,
  ],
  exports: [OutputGate, AirlockDecisions, AirlockDeliveries],
})
export class AirlockModule {}
