import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { HealthModule } from '../health/health.module';
import { FederationMember, FederationRegistry, JwkSet } from './domain/federation-member';
import { FederationDirectory } from './application/federation-directory';
import { FederationService } from './application/federation.service';
import { PeerClient } from './application/peer-client.port';
import { FederationMaterial } from './infrastructure/federation-material';
import { GrpcPeerClient } from './infrastructure/grpc-peer-client';
import { PeerChannels } from './infrastructure/peer-channels';
import { FederationHttpController } from './transport/federation.http.controller';
import { PeerCallInterceptor } from './transport/peer-call.interceptor';
import { PeerGrpcController } from './transport/peer.grpc.controller';

class MaterialDirectory extends FederationDirectory {
  readonly registry: FederationRegistry;
  readonly self: FederationMember;
  readonly signingKeys: JwkSet;

  constructor(material: FederationMaterial) {
    super();
    this.registry = material.registry;
    this.self = material.self;
    this.signingKeys = { keys: [material.signing.publicJwk] };
  }
}

/** Global: every module may call peers and read the directory. */
@Global()
@Module({})
export class FederationModule {
  static forMaterial(material: FederationMaterial): DynamicModule {
    return {
      module: FederationModule,
      imports: [HealthModule],
      controllers: [FederationHttpController, PeerGrpcController],
      providers: [
        { provide: FederationMaterial, useValue: material },
        { provide: FederationDirectory, useValue: new MaterialDirectory(material) },
        PeerChannels,
        { provide: PeerClient, useClass: GrpcPeerClient },
        FederationService,
        { provide: APP_INTERCEPTOR, useClass: PeerCallInterceptor },
      ],
      exports: [
        FederationService,
        FederationDirectory,
        FederationMaterial,
        PeerClient,
        PeerChannels,
      ],
    };
  }
}
