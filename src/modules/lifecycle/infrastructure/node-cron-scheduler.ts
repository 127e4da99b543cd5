import { Injectable, Logger } from '@nestjs/common';
import { schedule, ScheduledTask } from 'node-cron';
import { LifecycleConfig } from '../../../config/app-config';
import { LifecycleScheduler } from '../application/lifecycle-scheduler.port';

/** Ticks on the configured cron expression; a tick still running when the next is due is skipped. */
@Injectable()
export class NodeCronScheduler extends LifecycleScheduler {
  private readonly logger = new Logger('LifecycleScheduler');
  private task?: ScheduledTask;

  constructor(private readonly config: LifecycleConfig) {
    super();
  }

  start(tick: () => Promise<unknown>): void {
    this.task ??= schedule(
      this.config.schedule,
      async () => {
        try {
          await tick();
        } catch (error) {
          this.logger.error(`Lifecycle tick failed: ${(error as Error).message}`);
        }
      },
      {
        name: 'lifecycle',
        noOverlap: true,
        // node-cron's own messages (a missed run when the event loop was busy) go to the node's log.
        logger: {
          info: (message) => this.logger.log(message),
          warn: (message) => this.logger.warn(message),
          error: (message) => this.logger.error(String(message)),
          debug: (message) => this.logger.debug(String(message)),
        },
      },
    );
  }

  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = undefined;
  }
}
