// Original file: proto/spe/v1/permit_service.proto


export interface SubmitApplicationRequest {
  'applicationJson'?: (string);
}

export interface SubmitApplicationRequest__Output {
  'applicationJson': (string);
}
