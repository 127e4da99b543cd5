import { AuditEntryEntity } from '../modules/audit/infrastructure/audit-entry.entity';

/** Every TypeORM entity of the node. */
export const ENTITIES = [AuditEntryEntity];
