import { AuditLog1764400000000 } from './1764400000000-audit-log';
import { OmopAndDatasets1764500000000 } from './1764500000000-omop-and-datasets';
import { Permits1764600000000 } from './1764600000000-permits';
import { WorkspacesAndJobs1764700000000 } from './1764700000000-workspaces-and-jobs';
import { AuditTree1764800000000 } from './1764800000000-audit-tree';
import { FlatDatasets1764900000000 } from './1764900000000-flat-datasets';
import { Airlock1765000000000 } from './1765000000000-airlock';
import { Lifecycle1765100000000 } from './1765100000000-lifecycle';
import { AirlockRules1765200000000 } from './1765200000000-airlock-rules';

/** Every migration, oldest first. Add new ones at the end; never edit one that has landed. */
export const MIGRATIONS = [
  AuditLog1764400000000,
  OmopAndDatasets1764500000000,
  Permits1764600000000,
  WorkspacesAndJobs1764700000000,
  AuditTree1764800000000,
  FlatDatasets1764900000000,
  Airlock1765000000000,
  Lifecycle1765100000000,
  AirlockRules1765200000000,
];
