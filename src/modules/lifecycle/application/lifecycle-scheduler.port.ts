/** What makes the lifecycle tick on its own (node-cron); tests call the tick directly instead. */
export abstract class LifecycleScheduler {
  abstract start(tick: () => Promise<unknown>): void;
  abstract stop(): Promise<void>;
}
