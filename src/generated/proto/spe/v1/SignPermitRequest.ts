// Original file: proto/spe/v1/permit_service.proto


export interface SignPermitRequest {
  'permitId'?: (string);
  'payloadJson'?: (string);
}

export interface SignPermitRequest__Output {
  'permitId': (string);
  'payloadJson': (string);
}
