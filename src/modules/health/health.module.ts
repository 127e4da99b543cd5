import { Module } from '@nestjs/common';
import { HealthService } from './application/health.service';
import { HealthHttpController } from './transport/health.http.controller';

@Module({
  controllers: [HealthHttpController],
  providers: [HealthService],
  exports: [HealthService],
})
export class HealthModule {}
