import { join } from 'node:path';
import { loadPackageDefinition, GrpcObject } from '@grpc/grpc-js';
import { loadSync, Options } from '@grpc/proto-loader';
import { projectRoot } from '../shared/project-root';
import type { ProtoGrpcType as CatalogueProto } from '../generated/proto/catalogue_service';
import type { ProtoGrpcType as PeerProto } from '../generated/proto/peer_service';
import type { ProtoGrpcType as PermitProto } from '../generated/proto/permit_service';
import type { ProtoGrpcType as WorkspaceProto } from '../generated/proto/workspace_service';
import type { ProtoGrpcType as JobProto } from '../generated/proto/job_service';
import type { ProtoGrpcType as LifecycleProto } from '../generated/proto/lifecycle_service';
import type { ProtoGrpcType as AuditProto } from '../generated/proto/audit_service';

type ProtoGrpcType = {
  spe: {
    v1: PeerProto['spe']['v1'] &
      CatalogueProto['spe']['v1'] &
      PermitProto['spe']['v1'] &
      WorkspaceProto['spe']['v1'] &
      JobProto['spe']['v1'] &
      LifecycleProto['spe']['v1'] &
      AuditProto['spe']['v1'];
  };
};

export const PROTO_PACKAGE = 'spe.v1';
export const PROTO_ROOT = join(projectRoot(), 'proto');
export const PROTO_FILES = [
  'spe/v1/peer_service.proto',
  'spe/v1/catalogue_service.proto',
  'spe/v1/permit_service.proto',
  'spe/v1/workspace_service.proto',
  'spe/v1/job_service.proto',
  'spe/v1/lifecycle_service.proto',
  'spe/v1/audit_service.proto',
];

/** Must match the flags of `npm run proto:gen`, which types the decoded messages. */
export const PROTO_LOADER_OPTIONS: Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};

export function loadProtos(): ProtoGrpcType {
  const definition = loadSync(PROTO_FILES, PROTO_LOADER_OPTIONS);
  return loadPackageDefinition(definition) as GrpcObject as unknown as ProtoGrpcType;
}
