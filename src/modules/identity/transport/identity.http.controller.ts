import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { NodeConfig } from '../../../config/app-config';
import type { Person } from '../domain/person';
import { personId, rolesAt, ROLES } from '../domain/person';
import { Authenticated, CurrentPerson } from './access.decorators';

class PersonDto {
  @ApiProperty({ description: 'issuer#subject: how permits and the audit log name the person' })
  id!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: ROLES, isArray: true, description: 'The roles that count at this node' })
  roles!: string[];
  @ApiPropertyOptional({ description: 'The node whose HDAB employs the person' })
  hdab?: string;
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/me')
export class IdentityHttpController {
  constructor(private readonly node: NodeConfig) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Who the bearer token says you are, and your roles at this node' })
  @ApiOkResponse({ type: PersonDto })
  me(@CurrentPerson() person: Person): PersonDto {
    return {
      id: personId(person),
      issuer: person.issuer,
      subject: person.subject,
      roles: rolesAt(person, this.node.id),
      ...(person.hdab ? { hdab: person.hdab } : {}),
    };
  }
}
