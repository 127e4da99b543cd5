// Original file: proto/spe/v1/workspace_service.proto


export interface ActivatePermitRequest {
  'permitId'?: (string);
}

export interface ActivatePermitRequest__Output {
  'permitId': (string);
}
