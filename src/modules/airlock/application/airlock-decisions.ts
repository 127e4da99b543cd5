import { Injectable, Logger } from '@nestjs/common';

/**
 * Tells whoever delivers decisions (the jobs module) that an output was
 * decided, so it need not wait for its next sweep. Delivery does not rely
 * on this: the sweep finds every decision not yet delivered.
 */
@Injectable()
export class AirlockDecisions {
  private readonly logger = new Logger(AirlockDecisions.name);
  private readonly listeners: ((outputId: string) => Promise<void>)[] = [];

  onDecided(listener: (outputId: string) => Promise<void>): void {
    this.listeners.push(listener);
  }

  decided(outputId: string): void {
    for (const listener of this.listeners) {
      void listener(outputId).catch((error: unknown) =>
        this.logger.warn(`Delivery of output ${outputId} failed: ${(error as Error).message}`),
      );
    }
  }
}
