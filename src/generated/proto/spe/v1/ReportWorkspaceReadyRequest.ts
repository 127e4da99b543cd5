// Original file: proto/spe/v1/workspace_service.proto

import type { WorkspaceTable as _spe_v1_WorkspaceTable, WorkspaceTable__Output as _spe_v1_WorkspaceTable__Output } from '../../spe/v1/WorkspaceTable';
import type { OutputRules as _spe_v1_OutputRules, OutputRules__Output as _spe_v1_OutputRules__Output } from '../../spe/v1/OutputRules';

export interface ReportWorkspaceReadyRequest {
  'permitId'?: (string);
  'tables'?: (_spe_v1_WorkspaceTable)[];
  /**
   * The participant's output rules: the lead makes every job of the permit
   * carry the strictest of its participants' rules.
   */
  'outputRules'?: (_spe_v1_OutputRules | null);
}

export interface ReportWorkspaceReadyRequest__Output {
  'permitId': (string);
  'tables': (_spe_v1_WorkspaceTable__Output)[];
  /**
   * The participant's output rules: the lead makes every job of the permit
   * carry the strictest of its participants' rules.
   */
  'outputRules': (_spe_v1_OutputRules__Output | null);
}
