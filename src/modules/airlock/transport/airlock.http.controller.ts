import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../../shared/errors';
import { parseInput } from '../../../shared/validation';
import type { Person } from '../../identity/domain/person';
import { CurrentPerson, Roles } from '../../identity/transport/access.decorators';
import { AirlockReviewService } from '../application/airlock-review.service';
import { airlockStateSchema, reviewSchema } from './airlock.http.schemas';
import { heldDetail, heldSummary } from './airlock.view';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('REQUEST.INVALID', 'The id must be a UUID'),
});

@ApiTags('airlock')
@Controller()
export class AirlockHttpController {
  constructor(private readonly reviews: AirlockReviewService) {}

  @Get('v1/airlock')
  @Roles('hdab-reviewer')
  @ApiBearerAuth()
  @ApiQuery({ name: 'state', required: false, enum: ['AWAITING_REVIEW', 'RELEASED', 'REJECTED'] })
  @ApiOperation({ summary: "This node's held outputs with their checks, oldest first" })
  async list(@Query('state') state: unknown) {
    const wanted = parseInput(airlockStateSchema, state, 'state');
    return (await this.reviews.list(wanted)).map(heldSummary);
  }

  @Get('v1/airlock/:id')
  @Roles('hdab-reviewer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A held output: the output itself, its checks and its job' })
  async get(@Param('id', uuid) id: string) {
    return heldDetail(await this.reviews.get(id));
  }

  @Post('v1/airlock/:id/release')
  @HttpCode(200)
  @Roles('hdab-reviewer')
  @ApiBearerAuth()
  @ApiBody({ description: '{ "reason": "…" }' })
  @ApiOperation({
    summary: 'Release a held output (with the two-person rule, the second release lets it out)',
  })
  async release(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    const { reason } = parseInput(reviewSchema, body, 'review');
    return heldDetail(await this.reviews.review(person, id, 'RELEASE', reason));
  }

  @Post('v1/airlock/:id/reject')
  @HttpCode(200)
  @Roles('hdab-reviewer')
  @ApiBearerAuth()
  @ApiBody({ description: '{ "reason": "…" }' })
  @ApiOperation({ summary: 'Reject a held output: it never leaves this node' })
  async reject(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    const { reason } = parseInput(reviewSchema, body, 'review');
    return heldDetail(await this.reviews.review(person, id, 'REJECT', reason));
  }
}
