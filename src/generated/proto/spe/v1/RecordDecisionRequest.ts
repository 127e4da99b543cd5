// Original file: proto/spe/v1/permit_service.proto

import type { DecisionOutcome as _spe_v1_DecisionOutcome, DecisionOutcome__Output as _spe_v1_DecisionOutcome__Output } from '../../spe/v1/DecisionOutcome';

export interface RecordDecisionRequest {
  'permitId'?: (string);
  'outcome'?: (_spe_v1_DecisionOutcome);
  'reason'?: (string);
  /**
   * RFC 3339 time of the decision.
   */
  'decidedAt'?: (string);
}

export interface RecordDecisionRequest__Output {
  'permitId': (string);
  'outcome': (_spe_v1_DecisionOutcome__Output);
  'reason': (string);
  /**
   * RFC 3339 time of the decision.
   */
  'decidedAt': (string);
}
