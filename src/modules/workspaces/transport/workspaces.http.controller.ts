import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../../shared/errors';
import type { Person } from '../../identity/domain/person';
import { CurrentPerson, Roles } from '../../identity/transport/access.decorators';
import { WorkspacesService } from '../application/workspaces.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('REQUEST.INVALID', 'The id must be a UUID'),
});

@ApiTags('applications and permits')
@Controller()
export class WorkspacesHttpController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get('v1/permits/:id/preparation')
  @Roles('researcher', 'hdab-reviewer', 'hdab-admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "The preparation of a permit: this node's workspace (built, or failed and when it is tried again) and, at the lead, which participants are ready",
  })
  async preparation(@CurrentPerson() person: Person, @Param('id', uuid) id: string) {
    return this.workspaces.preparation(person, id);
  }
}
