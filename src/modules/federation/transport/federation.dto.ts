import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class JwkDto {
  @ApiProperty({ example: 'OKP' }) kty!: string;
  @ApiProperty({ example: 'Ed25519' }) crv!: string;
  @ApiProperty() x!: string;
  @ApiProperty() kid!: string;
  @ApiProperty({ example: 'EdDSA' }) alg!: string;
  @ApiProperty({ example: 'sig' }) use!: string;
}

export class JwksDto {
  @ApiProperty({ type: [JwkDto] }) keys!: JwkDto[];
}

export class NodeInfoDto {
  @ApiProperty({ example: 'de' }) nodeId!: string;
  @ApiProperty({ example: 'DE' }) country!: string;
  @ApiProperty({ example: '0.1.0' }) version!: string;
  @ApiProperty({ type: JwksDto }) signingKeys!: JwksDto;
}

class PeerErrorDto {
  @ApiProperty({ example: 'PEER.UNAVAILABLE' }) code!: string;
  @ApiProperty() message!: string;
}

export class PeerStatusDto {
  @ApiProperty({ example: 'fr' }) id!: string;
  @ApiProperty({ example: 'FR' }) country!: string;
  @ApiProperty({ example: '127.0.0.1:50052' }) grpcAddress!: string;
  @ApiProperty({ example: 'http://127.0.0.1:3002' }) httpUrl!: string;
  @ApiProperty({ description: 'Answered over mutual TLS as the node the registry names' })
  reachable!: boolean;
  @ApiPropertyOptional() latencyMs?: number;
  @ApiPropertyOptional() version?: string;
  @ApiPropertyOptional({ type: PeerErrorDto }) error?: PeerErrorDto;
}

export class PeersDto {
  @ApiProperty({ example: 'de' }) self!: string;
  @ApiProperty({ type: [PeerStatusDto] }) peers!: PeerStatusDto[];
}
