// Original file: proto/spe/v1/job_service.proto

import type { RunOutcome as _spe_v1_RunOutcome, RunOutcome__Output as _spe_v1_RunOutcome__Output } from '../../spe/v1/RunOutcome';
import type { GateFinding as _spe_v1_GateFinding, GateFinding__Output as _spe_v1_GateFinding__Output } from '../../spe/v1/GateFinding';

export interface RunJobResponse {
  'outcome'?: (_spe_v1_RunOutcome);
  /**
   * The released contribution as JSON, when released.
   */
  'contributionJson'?: (string);
  /**
   * How many persons the released contribution describes.
   */
  'persons'?: (number);
  /**
   * Why the output gate held the contribution back, when blocked or awaiting review.
   */
  'findings'?: (_spe_v1_GateFinding)[];
  /**
   * Why it was blocked, when a reviewer rejected it.
   */
  'reason'?: (string);
}

export interface RunJobResponse__Output {
  'outcome': (_spe_v1_RunOutcome__Output);
  /**
   * The released contribution as JSON, when released.
   */
  'contributionJson': (string);
  /**
   * How many persons the released contribution describes.
   */
  'persons': (number);
  /**
   * Why the output gate held the contribution back, when blocked or awaiting review.
   */
  'findings': (_spe_v1_GateFinding__Output)[];
  /**
   * Why it was blocked, when a reviewer rejected it.
   */
  'reason': (string);
}
