// Original file: proto/spe/v1/workspace_service.proto


/**
 * A node's output checks (ACRO/SACRO defaults in brackets).
 */
export interface OutputRules {
  /**
   * Minimum count of every cell and statistic's n; also the subset and differencing threshold [10].
   */
  'minCount'?: (number);
  /**
   * Zeros of a frequency table held for review [true].
   */
  'zerosReview'?: (boolean);
  /**
   * (n,k) dominance with n = 2: the largest two values' share of a cell that fails [0.90].
   */
  'dominanceK'?: (number | string);
  /**
   * The least p-ratio: (total - largest - second) / largest [0.10].
   */
  'pRatio'?: (number | string);
  /**
   * Least residual degrees of freedom of a model [10].
   */
  'minResidualDf'?: (number);
  /**
   * Events a survival row needs up to it [10].
   */
  'survivalMinEvents'?: (number);
  /**
   * Most levels of a table's group variable [40].
   */
  'maxLevels'?: (number);
}

/**
 * A node's output checks (ACRO/SACRO defaults in brackets).
 */
export interface OutputRules__Output {
  /**
   * Minimum count of every cell and statistic's n; also the subset and differencing threshold [10].
   */
  'minCount': (number);
  /**
   * Zeros of a frequency table held for review [true].
   */
  'zerosReview': (boolean);
  /**
   * (n,k) dominance with n = 2: the largest two values' share of a cell that fails [0.90].
   */
  'dominanceK': (number);
  /**
   * The least p-ratio: (total - largest - second) / largest [0.10].
   */
  'pRatio': (number);
  /**
   * Least residual degrees of freedom of a model [10].
   */
  'minResidualDf': (number);
  /**
   * Events a survival row needs up to it [10].
   */
  'survivalMinEvents': (number);
  /**
   * Most levels of a table's group variable [40].
   */
  'maxLevels': (number);
}
