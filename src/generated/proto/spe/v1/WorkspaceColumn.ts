// Original file: proto/spe/v1/workspace_service.proto


export interface WorkspaceColumn {
  'name'?: (string);
  /**
   * integer, number, boolean, date or category.
   */
  'type'?: (string);
  /**
   * The levels of a category, in their natural order.
   */
  'levels'?: (string)[];
}

export interface WorkspaceColumn__Output {
  'name': (string);
  /**
   * integer, number, boolean, date or category.
   */
  'type': (string);
  /**
   * The levels of a category, in their natural order.
   */
  'levels': (string)[];
}
