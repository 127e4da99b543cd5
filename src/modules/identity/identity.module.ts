import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenVerifier } from './application/token-verifier.port';
import { JoseTokenVerifier } from './infrastructure/jose-token-verifier';
import { AccessGuard } from './transport/access.guard';
import { IdentityHttpController } from './transport/identity.http.controller';

@Global()
@Module({
  controllers: [IdentityHttpController],
  providers: [
    { provide: TokenVerifier, useClass: JoseTokenVerifier },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TokenVerifier],
})
export class IdentityModule {}
