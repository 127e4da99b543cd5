import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FederationDirectory } from '../application/federation-directory';
import { FederationService } from '../application/federation.service';
import type { JwkSet } from '../domain/federation-member';
import { JwksDto, NodeInfoDto, PeersDto } from './federation.dto';
import { Public, Roles } from '../../identity/transport/access.decorators';

@ApiTags('federation')
@Controller()
export class FederationHttpController {
  constructor(
    private readonly federation: FederationService,
    private readonly directory: FederationDirectory,
  ) {}

  @Get('v1/node')
  @Public()
  @ApiOperation({ summary: 'This node: id, country, version and public signing keys' })
  @ApiOkResponse({ type: NodeInfoDto })
  node(): NodeInfoDto {
    const info = this.federation.nodeInfo();
    return { ...info, signingKeys: { keys: [...info.signingKeys.keys] } };
  }

  @Get('.well-known/jwks.json')
  @Public()
  @ApiOperation({ summary: "The node's public signing keys (JWK Set)" })
  @ApiOkResponse({ type: JwksDto })
  jwks(): JwkSet {
    return this.directory.signingKeys;
  }

  @Get('v1/federation/peers')
  @Roles('hdab-admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Every peer of the registry, asked over mutual TLS who it is, in parallel',
  })
  @ApiOkResponse({ type: PeersDto })
  async peers(): Promise<PeersDto> {
    return { self: this.directory.self.id, peers: await this.federation.peerStatuses() };
  }
}
