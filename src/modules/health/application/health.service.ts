import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface Readiness {
  readonly ready: boolean;
  readonly database: 'up' | 'down';
}

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  async readiness(): Promise<Readiness> {
    try {
      await this.dataSource.query('SELECT 1');
      return { ready: true, database: 'up' };
    } catch {
      return { ready: false, database: 'down' };
    }
  }
}
