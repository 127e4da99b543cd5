// Original file: proto/spe/v1/workspace_service.proto

import type { WorkspaceColumn as _spe_v1_WorkspaceColumn, WorkspaceColumn__Output as _spe_v1_WorkspaceColumn__Output } from '../../spe/v1/WorkspaceColumn';

/**
 * One permitted dataset in a workspace. No counts: those are the output gate's.
 */
export interface WorkspaceTable {
  'dataset'?: (string);
  /**
   * The permitted variables, in the permit's order.
   */
  'columns'?: (_spe_v1_WorkspaceColumn)[];
  /**
   * Every variable the dataset publishes.
   */
  'publishedVariables'?: (string)[];
}

/**
 * One permitted dataset in a workspace. No counts: those are the output gate's.
 */
export interface WorkspaceTable__Output {
  'dataset': (string);
  /**
   * The permitted variables, in the permit's order.
   */
  'columns': (_spe_v1_WorkspaceColumn__Output)[];
  /**
   * Every variable the dataset publishes.
   */
  'publishedVariables': (string)[];
}
