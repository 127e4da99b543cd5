import { Global, Module } from '@nestjs/common';
import { AuditLog } from './application/audit-log.port';
import { AuditService } from './application/audit.service';
import { TypeOrmAuditLog } from './infrastructure/typeorm-audit-log';

@Global()
@Module({
  providers: [{ provide: AuditLog, useClass: TypeOrmAuditLog }, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
