import { Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { UseConfig } from '../../config/app-config';
import { Recurring } from '../../scheduling/recurring';
import { AirlockModule } from '../airlock/airlock.module';
import { AirlockDecisions } from '../airlock/application/airlock-decisions';
import { PermitsModule } from '../permits/permits.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AnalysisRunner } from './application/analysis-runner.port';
import { ContributionDelivery } from './application/contribution-delivery.service';
import { JobDispatcher } from './application/job-dispatcher.service';
import { JobPeers } from './application/job-peers.port';
import { JobRepository } from './application/job-repository.port';
import { JobRunRepository } from './application/job-run-repository.port';
import { JobSettlements } from './application/job-settlements';
import { PermitJobsService } from './application/permit-jobs.service';
import { RunJobService } from './application/run-job.service';
import { SubmitJobService } from './application/submit-job.service';
import { SubmitterAssertions } from './application/submitter-assertions.port';
import { GrpcJobPeers } from './infrastructure/grpc-job-peers';
import { JoseSubmitterAssertions } from './infrastructure/jose-submitter-assertions';
import { SqlAnalysisRunner } from './infrastructure/sql-analysis-runner';
import { SqlJobRepository } from './infrastructure/sql-job-repository';
import { SqlJobRunRepository } from './infrastructure/sql-job-run-repository';
import { JobsGrpcController } from './transport/jobs.grpc.controller';
import { JobsHttpController } from './transport/jobs.http.controller';

@Module({
  imports: [PermitsModule, WorkspacesModule, AirlockModule],
  controllers: [JobsHttpController, JobsGrpcController],
  providers: [
    { provide: JobRepository, useClass: SqlJobRepository },
    { provide: JobRunRepository, useClass: SqlJobRunRepository },
    { provide: JobPeers, useClass: GrpcJobPeers },
    { provide: AnalysisRunner, useClass: SqlAnalysisRunner },
    { provide: SubmitterAssertions, useClass: JoseSubmitterAssertions },
    RunJobService,
    JobDispatcher,
    JobSettlements,
    SubmitJobService,
    ContributionDelivery,
    PermitJobsService,
  ],
  exports: [PermitJobsService],
})
export class JobsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweep: Recurring;
  private readonly deliveries: Recurring;

  constructor(
    dispatcher: JobDispatcher,
    delivery: ContributionDelivery,
    decisions: AirlockDecisions,
    config: UseConfig,
  ) {
    // Also sends, after a restart, the parts a previous run of this node left out.
    this.sweep = new Recurring('JobSweep', config.sweepIntervalMs, () => dispatcher.dispatch());
    // Reviewers' decisions go to the leads at once, and again until each lead has taken them.
    this.deliveries = new Recurring('AirlockDelivery', config.sweepIntervalMs, () =>
      delivery.deliverAll(),
    );
    decisions.onDecided(() => this.deliveries.runNow());
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
    void this.sweep.runNow();
    this.deliveries.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sweep.stop();
    await this.deliveries.stop();
  }
}
