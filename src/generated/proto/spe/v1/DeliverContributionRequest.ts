// Original file: proto/spe/v1/job_service.proto

import type { RunOutcome as _spe_v1_RunOutcome, RunOutcome__Output as _spe_v1_RunOutcome__Output } from '../../spe/v1/RunOutcome';
import type { GateFinding as _spe_v1_GateFinding, GateFinding__Output as _spe_v1_GateFinding__Output } from '../../spe/v1/GateFinding';

export interface DeliverContributionRequest {
  'jobId'?: (string);
  'round'?: (number);
  /**
   * RUN_OUTCOME_RELEASED or RUN_OUTCOME_BLOCKED.
   */
  'outcome'?: (_spe_v1_RunOutcome);
  /**
   * The released contribution as JSON, when released.
   */
  'contributionJson'?: (string);
  'persons'?: (number);
  /**
   * The checks' findings and the reviewer's reason, when rejected.
   */
  'findings'?: (_spe_v1_GateFinding)[];
  'reason'?: (string);
}

export interface DeliverContributionRequest__Output {
  'jobId': (string);
  'round': (number);
  /**
   * RUN_OUTCOME_RELEASED or RUN_OUTCOME_BLOCKED.
   */
  'outcome': (_spe_v1_RunOutcome__Output);
  /**
   * The released contribution as JSON, when released.
   */
  'contributionJson': (string);
  'persons': (number);
  /**
   * The checks' findings and the reviewer's reason, when rejected.
   */
  'findings': (_spe_v1_GateFinding__Output)[];
  'reason': (string);
}
