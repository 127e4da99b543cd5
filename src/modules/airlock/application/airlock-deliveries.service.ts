import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/clock';
import { deliveryOf } from '../domain/airlock.rules';
import { Delivery, HeldOutput } from '../domain/held-output';
import { AirlockRepository } from './airlock-repository.port';

/** Decided outputs on their way to the lead: which are due, and marking each delivered. */
@Injectable()
export class AirlockDeliveries {
  constructor(
    private readonly airlock: AirlockRepository,
    private readonly clock: Clock,
  ) {}

  async due(): Promise<{ output: HeldOutput; delivery: Delivery }[]> {
    return (await this.airlock.undelivered()).map((output) => ({
      output,
      delivery: deliveryOf(output),
    }));
  }

  delivered(id: string): Promise<void> {
    return this.airlock.markDelivered(id, this.clock.now());
  }
}
