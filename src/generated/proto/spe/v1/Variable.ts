// Original file: proto/spe/v1/catalogue_service.proto

import type { VariableType as _spe_v1_VariableType, VariableType__Output as _spe_v1_VariableType__Output } from '../../spe/v1/VariableType';

export interface Variable {
  'name'?: (string);
  'type'?: (_spe_v1_VariableType);
  'description'?: (string);
  'unit'?: (string);
  /**
   * The levels of a categorical variable.
   */
  'levels'?: (string)[];
  /**
   * Every person has a value (the dataset's dictionary allows no missing values).
   */
  'required'?: (boolean);
}

export interface Variable__Output {
  'name': (string);
  'type': (_spe_v1_VariableType__Output);
  'description': (string);
  'unit': (string);
  /**
   * The levels of a categorical variable.
   */
  'levels': (string)[];
  /**
   * Every person has a value (the dataset's dictionary allows no missing values).
   */
  'required': (boolean);
}
