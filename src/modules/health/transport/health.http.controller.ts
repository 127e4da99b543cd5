import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NodeConfig } from '../../../config/app-config';
import { HealthService } from '../application/health.service';
import { Public } from '../../identity/transport/access.decorators';

class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: string;
  @ApiProperty({ example: 'de' }) node!: string;
  @ApiProperty({ example: { database: 'up' } }) checks!: Record<string, string>;
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthHttpController {
  constructor(
    private readonly health: HealthService,
    private readonly node: NodeConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Readiness: the node can serve (its database answers)' })
  @ApiResponse({ status: 200, type: HealthDto })
  @ApiResponse({ status: 503, type: HealthDto, description: 'The database does not answer' })
  async readiness(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const readiness = await this.health.readiness();
    res.status(readiness.ready ? 200 : 503);
    return {
      status: readiness.ready ? 'ok' : 'unavailable',
      node: this.node.id,
      checks: { database: readiness.database },
    };
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: string } {
    return { status: 'ok' };
  }
}
