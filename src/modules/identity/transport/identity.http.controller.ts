import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Person } from '../domain/person';
import { personId, ROLES } from '../domain/person';
import { Authenticated, CurrentPerson } from './access.decorators';

class PersonDto {
  @ApiProperty({ description: 'issuer#subject: how permits and the audit log name the person' })
  id!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/me')
export class IdentityHttpController {
  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Who the bearer token says you are, and your roles at this node' })
  @ApiOkResponse({ type: PersonDto })
  me(@CurrentPerson() person: Person): PersonDto {
    return {
      id: personId(person),
      issuer: person.issuer,
      subject: person.subject,
      roles: [...person.roles],
    };
  }
}
