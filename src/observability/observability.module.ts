import { Global, Module } from '@nestjs/common';
import { MetricsHttpController } from './metrics.http.controller';
import { MetricsService } from './metrics.service';

@Global()
@Module({
  controllers: [MetricsHttpController],
  providers: [MetricsService],
  exports: [MetricsService],
})
export class ObservabilityModule {}
