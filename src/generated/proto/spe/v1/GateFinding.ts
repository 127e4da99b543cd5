// Original file: proto/spe/v1/job_service.proto


export interface GateFinding {
  /**
   * The rule, e.g. min-count.
   */
  'rule'?: (string);
  /**
   * The cell or statistic, e.g. sex=female or n.
   */
  'cell'?: (string);
  /**
   * The threshold the value failed; the value itself never leaves the node.
   */
  'threshold'?: (number | string);
  /**
   * review or fail (ACRO's grading).
   */
  'outcome'?: (string);
}

export interface GateFinding__Output {
  /**
   * The rule, e.g. min-count.
   */
  'rule': (string);
  /**
   * The cell or statistic, e.g. sex=female or n.
   */
  'cell': (string);
  /**
   * The threshold the value failed; the value itself never leaves the node.
   */
  'threshold': (number);
  /**
   * review or fail (ACRO's grading).
   */
  'outcome': (string);
}
