import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../../shared/errors';
import { parseInput } from '../../../shared/validation';
import type { Person } from '../../identity/domain/person';
import { CurrentPerson, Roles } from '../../identity/transport/access.decorators';
import { SubmitJobService } from '../application/submit-job.service';
import { MAX_WAIT_MS, submitJobSchema, waitSchema } from './job.http.schemas';
import { jobView } from './job.view';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('REQUEST.INVALID', 'The id must be a UUID'),
});

@ApiTags('jobs')
@Controller()
export class JobsHttpController {
  constructor(private readonly jobs: SubmitJobService) {}

  @Post('v1/jobs')
  @HttpCode(202)
  @Roles('researcher')
  @ApiBearerAuth()
  @ApiBody({
    description:
      '{ "permitId": "…", "kind": "count" | "summary" | "histogram", "params": { "dataset": "…", … } } — see docs/api.md for each kind',
  })
  @ApiOperation({
    summary:
      "At the permit's lead: run an analysis at every node holding the dataset; answers at once, follow it at /v1/jobs/{id}",
  })
  async submit(@CurrentPerson() person: Person, @Body() body: unknown) {
    const input = parseInput(submitJobSchema, body, 'job');
    return jobView(await this.jobs.submit(person, input.permitId, input));
  }

  @Get('v1/jobs')
  @Roles('researcher')
  @ApiBearerAuth()
  @ApiQuery({ name: 'permit', required: true, description: 'The permit id' })
  @ApiOperation({ summary: 'The jobs of a permit, newest first' })
  async list(@CurrentPerson() person: Person, @Query('permit', uuid) permitId: string) {
    return (await this.jobs.list(person, permitId)).map(jobView);
  }

  @Get('v1/jobs/:id')
  @Roles('researcher')
  @ApiBearerAuth()
  @ApiQuery({
    name: 'wait',
    required: false,
    description: `While the job runs, hold the answer until it settles or this long has passed (e.g. 5s, 500ms; at most ${MAX_WAIT_MS / 1000}s): a long poll instead of polling`,
  })
  @ApiOperation({ summary: "A job: each node's state, and when finished, the pooled result" })
  async get(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Query('wait') wait: unknown,
  ) {
    const waitMs = parseInput(waitSchema, wait, 'wait') ?? 0;
    return jobView(await this.jobs.get(person, id, waitMs));
  }

  @Post('v1/jobs/:id/cancel')
  @HttpCode(200)
  @Roles('researcher')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The submitter cancels a running job' })
  async cancel(@CurrentPerson() person: Person, @Param('id', uuid) id: string) {
    return jobView(await this.jobs.cancel(person, id));
  }
}
