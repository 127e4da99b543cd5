import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../../shared/errors';
import { parseInput } from '../../../shared/validation';
import type { Person } from '../../identity/domain/person';
import { CurrentPerson, Roles } from '../../identity/transport/access.decorators';
import { extensionView, LifecycleQueryService } from '../application/lifecycle-query.service';
import { ExtensionLeadService } from '../application/extension-lead.service';
import { ExtensionService } from '../application/extension.service';
import { LifecycleService } from '../application/lifecycle.service';
import { closeSchema, extensionDecisionSchema, extensionRequestSchema } from './lifecycle.schemas';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('REQUEST.INVALID', 'The id must be a UUID'),
});

@ApiTags('lifecycle')
@Controller()
export class LifecycleHttpController {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly query: LifecycleQueryService,
    private readonly extending: ExtensionService,
    private readonly leading: ExtensionLeadService,
  ) {}

  @Get('v1/lifecycle')
  @Roles('hdab-admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Every granted permit at this node with its next lifecycle event (archive, destroy, …) and when, soonest first',
  })
  async overview() {
    return this.query.overview();
  }

  @Get('v1/permits/:id/lifecycle')
  @Roles('researcher', 'hdab-reviewer', 'hdab-admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "A permit's end: validity, archival, destruction here, the next event and, at the lead, every participant's signed destruction record",
  })
  async permit(@CurrentPerson() person: Person, @Param('id', uuid) id: string) {
    return this.query.permit(person, id);
  }

  @Post('v1/permits/:id/close')
  @HttpCode(200)
  @Roles('hdab-admin')
  @ApiBearerAuth()
  @ApiBody({ description: '{ "reason": "…" }' })
  @ApiOperation({
    summary:
      "At the permit's lead: close it before its end; every participant archives it (destroyed after this node's retention)",
  })
  async close(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    const { reason } = parseInput(closeSchema, body, 'closure');
    const closed = await this.lifecycle.close(person, id, reason);
    return { ...(await this.query.permit(person, id)), notYetTold: closed.notYetTold };
  }

  @Post('v1/permits/:id/extension')
  @HttpCode(202)
  @Roles('researcher')
  @ApiBearerAuth()
  @ApiBody({ description: '{ "months": 6, "reason": "…" }' })
  @ApiOperation({
    summary:
      "At the permit's lead: the applicant asks to extend its validity (EHDS recital 74); every participating HDAB decides",
  })
  async requestExtension(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    const ask = parseInput(extensionRequestSchema, body, 'extension request');
    return extensionView(await this.leading.request(person, id, ask));
  }

  @Post('v1/permits/:id/extension/decision')
  @HttpCode(200)
  @Roles('hdab-reviewer')
  @ApiBearerAuth()
  @ApiBody({ description: '{ "outcome": "APPROVED" | "REJECTED", "reason": "…" }' })
  @ApiOperation({
    summary:
      "This node's HDAB decides the pending extension of a permit; an approval signs the permit with its new end",
  })
  async decideExtension(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    const decision = parseInput(extensionDecisionSchema, body, 'extension decision');
    return extensionView(await this.extending.decide(person, id, decision));
  }
}
