import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ActivatePermitRequest as _spe_v1_ActivatePermitRequest, ActivatePermitRequest__Output as _spe_v1_ActivatePermitRequest__Output } from './spe/v1/ActivatePermitRequest';
import type { ActivatePermitResponse as _spe_v1_ActivatePermitResponse, ActivatePermitResponse__Output as _spe_v1_ActivatePermitResponse__Output } from './spe/v1/ActivatePermitResponse';
import type { OutputRules as _spe_v1_OutputRules, OutputRules__Output as _spe_v1_OutputRules__Output } from './spe/v1/OutputRules';
import type { ReportWorkspaceReadyRequest as _spe_v1_ReportWorkspaceReadyRequest, ReportWorkspaceReadyRequest__Output as _spe_v1_ReportWorkspaceReadyRequest__Output } from './spe/v1/ReportWorkspaceReadyRequest';
import type { ReportWorkspaceReadyResponse as _spe_v1_ReportWorkspaceReadyResponse, ReportWorkspaceReadyResponse__Output as _spe_v1_ReportWorkspaceReadyResponse__Output } from './spe/v1/ReportWorkspaceReadyResponse';
import type { WorkspaceColumn as _spe_v1_WorkspaceColumn, WorkspaceColumn__Output as _spe_v1_WorkspaceColumn__Output } from './spe/v1/WorkspaceColumn';
import type { WorkspaceServiceClient as _spe_v1_WorkspaceServiceClient, WorkspaceServiceDefinition as _spe_v1_WorkspaceServiceDefinition } from './spe/v1/WorkspaceService';
import type { WorkspaceTable as _spe_v1_WorkspaceTable, WorkspaceTable__Output as _spe_v1_WorkspaceTable__Output } from './spe/v1/WorkspaceTable';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spe: {
    v1: {
      ActivatePermitRequest: MessageTypeDefinition<_spe_v1_ActivatePermitRequest, _spe_v1_ActivatePermitRequest__Output>
      ActivatePermitResponse: MessageTypeDefinition<_spe_v1_ActivatePermitResponse, _spe_v1_ActivatePermitResponse__Output>
      OutputRules: MessageTypeDefinition<_spe_v1_OutputRules, _spe_v1_OutputRules__Output>
      ReportWorkspaceReadyRequest: MessageTypeDefinition<_spe_v1_ReportWorkspaceReadyRequest, _spe_v1_ReportWorkspaceReadyRequest__Output>
      ReportWorkspaceReadyResponse: MessageTypeDefinition<_spe_v1_ReportWorkspaceReadyResponse, _spe_v1_ReportWorkspaceReadyResponse__Output>
      WorkspaceColumn: MessageTypeDefinition<_spe_v1_WorkspaceColumn, _spe_v1_WorkspaceColumn__Output>
      /**
       * WorkspaceService carries the preparation stage of a granted permit: each
       * participant builds the permit's workspace in its own database and reports
       * it ready to the lead; when every participant is ready the lead makes the
       * permit active and tells them. The caller is the node of its client
       * certificate. Both calls are idempotent.
       */
      WorkspaceService: SubtypeConstructor<typeof grpc.Client, _spe_v1_WorkspaceServiceClient> & { service: _spe_v1_WorkspaceServiceDefinition }
      WorkspaceTable: MessageTypeDefinition<_spe_v1_WorkspaceTable, _spe_v1_WorkspaceTable__Output>
    }
  }
}

