import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { parseInput } from '../../../shared/validation';
import type { Person } from '../../identity/domain/person';
import { CurrentPerson, Public, Roles } from '../../identity/transport/access.decorators';
import { NodeConfig } from '../../../config/app-config';
import { ApplicationsQueryService } from '../application/applications-query.service';
import { ChangePermitService } from '../application/change-permit.service';
import { CompleteApplicationService } from '../application/complete-application.service';
import { PermitRecord } from '../application/permit-repository.port';
import { DecideApplicationService } from '../application/decide-application.service';
import { LodgeApplicationService } from '../application/lodge-application.service';
import { PermitChange } from '../domain/permit-change';
import {
  completionRequestSchema,
  decisionSchema,
  lodgeApplicationSchema,
  permitChangeSchema,
} from './application.schema';
import { applicationView, registerEntry } from './application.view';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('REQUEST.INVALID', 'The id must be a UUID'),
});

@ApiTags('applications and permits')
@Controller()
export class ApplicationsHttpController {
  constructor(
    private readonly lodging: LodgeApplicationService,
    private readonly deciding: DecideApplicationService,
    private readonly query: ApplicationsQueryService,
    private readonly changing: ChangePermitService,
    private readonly completing: CompleteApplicationService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  @Post('v1/applications')
  @Roles('researcher')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Lodge one application for data in one or more countries; this node leads it (EHDS Art 67)',
  })
  @ApiBody({
    description:
      'applicant, purpose (EHDS Art 53(1)), datasets and variables per node, users, duration, …',
  })
  async lodge(@CurrentPerson() person: Person, @Body() body: unknown) {
    const input = parseInput(lodgeApplicationSchema, body, 'application');
    return applicationView(await this.lodging.lodge(person, input), this.node.id, this.clock.now());
  }

  @Get('v1/applications')
  @Roles('researcher', 'hdab-reviewer', 'hdab-admin')
  @ApiBearerAuth()
  @ApiQuery({
    name: 'pending',
    required: false,
    description: "HDAB staff: only those awaiting this node's decision",
  })
  @ApiOperation({ summary: "HDAB staff: this node's applications; researchers: their own" })
  async list(@CurrentPerson() person: Person, @Query('pending') pending?: string) {
    const now = this.clock.now();
    const records = await this.query.list(person, { pendingOnly: pending === 'true' });
    return records.map((r) => applicationView(r, this.node.id, now));
  }

  @Get('v1/applications/:id')
  @Roles('researcher', 'hdab-reviewer', 'hdab-admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'One application or permit, with the decisions, deadlines and, once granted, the signed permit',
  })
  async get(@CurrentPerson() person: Person, @Param('id', uuid) id: string) {
    return applicationView(await this.query.get(person, id), this.node.id, this.clock.now());
  }

  @Post('v1/applications/:id/decision')
  @HttpCode(200)
  @Roles('hdab-reviewer')
  @ApiBearerAuth()
  @ApiBody({ description: '{ "outcome": "APPROVED" | "REJECTED", "reason": "…" }' })
  @ApiOperation({ summary: "This node's HDAB decides its part of an application" })
  async decide(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    const decision = parseInput(decisionSchema, body, 'decision');
    return applicationView(
      await this.deciding.decide(person, id, decision),
      this.node.id,
      this.clock.now(),
    );
  }

  @Post('v1/applications/:id/incomplete')
  @HttpCode(200)
  @Roles('hdab-reviewer')
  @ApiBearerAuth()
  @ApiBody({ description: '{ "missing": ["what the applicant must add or correct", …] }' })
  @ApiOperation({
    summary:
      'At the lead: ask the applicant to complete the application within four weeks (EHDS Art 68(4))',
  })
  async incomplete(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    const { missing } = parseInput(completionRequestSchema, body, 'completion request');
    return this.view(await this.completing.requestCompletion(person, id, missing));
  }

  @Post('v1/applications/:id/completion')
  @HttpCode(200)
  @Roles('researcher')
  @ApiBearerAuth()
  @ApiBody({ description: 'The whole application, completed (as when lodging)' })
  @ApiOperation({ summary: 'The applicant completes the application; every HDAB decides again' })
  async complete(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    const input = parseInput(lodgeApplicationSchema, body, 'application');
    return this.view(await this.completing.complete(person, id, input));
  }

  @Post('v1/applications/:id/withdraw')
  @HttpCode(200)
  @Roles('researcher')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The applicant withdraws the application, for every HDAB' })
  async withdraw(@CurrentPerson() person: Person, @Param('id', uuid) id: string) {
    return this.view(await this.completing.withdraw(person, id));
  }

  @Post('v1/permits/:id/suspend')
  @HttpCode(200)
  @Roles('hdab-admin')
  @ApiBearerAuth()
  @ApiBody({ description: '{ "reason": "…" }' })
  @ApiOperation({ summary: 'Suspend a permit for every participant at once (EHDS Art 63)' })
  async suspend(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    return this.change(person, id, 'SUSPEND', body);
  }

  @Post('v1/permits/:id/resume')
  @HttpCode(200)
  @Roles('hdab-admin')
  @ApiBearerAuth()
  @ApiBody({ description: '{ "reason": "…" }' })
  @ApiOperation({ summary: 'Resume a suspended permit for every participant at once' })
  async resume(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    return this.change(person, id, 'RESUME', body);
  }

  @Post('v1/permits/:id/revoke')
  @HttpCode(200)
  @Roles('hdab-admin')
  @ApiBearerAuth()
  @ApiBody({ description: '{ "reason": "…" }' })
  @ApiOperation({
    summary: 'Revoke a permit for every participant at once (EHDS Art 63); it is archived',
  })
  async revoke(
    @CurrentPerson() person: Person,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ) {
    return this.change(person, id, 'REVOKE', body);
  }

  private async change(person: Person, id: string, change: PermitChange, body: unknown) {
    const { reason } = parseInput(permitChangeSchema, body, 'permit change');
    const result = await this.changing.change(person, id, change, reason);
    return {
      ...applicationView(result.permit, this.node.id, this.clock.now()),
      notYetTold: result.notTold,
    };
  }

  private view(record: PermitRecord) {
    return applicationView(record, this.node.id, this.clock.now());
  }

  @Get('v1/register')
  @Public()
  @ApiOperation({
    summary:
      'The public register of applications received, permits granted and refusals (EHDS Art 57), without personal data',
  })
  @ApiOkResponse({ description: 'Entries, newest first' })
  async register() {
    return (await this.query.register()).map(registerEntry);
  }
}
