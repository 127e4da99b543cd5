// Original file: proto/spe/v1/workspace_service.proto

import type { WorkspaceTable as _spe_v1_WorkspaceTable, WorkspaceTable__Output as _spe_v1_WorkspaceTable__Output } from '../../spe/v1/WorkspaceTable';

export interface ReportWorkspaceReadyRequest {
  'permitId'?: (string);
  'tables'?: (_spe_v1_WorkspaceTable)[];
}

export interface ReportWorkspaceReadyRequest__Output {
  'permitId': (string);
  'tables': (_spe_v1_WorkspaceTable__Output)[];
}
