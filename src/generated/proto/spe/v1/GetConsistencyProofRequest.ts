// Original file: proto/spe/v1/audit_service.proto

import type { Long } from '@grpc/proto-loader';

export interface GetConsistencyProofRequest {
  'firstTreeSize'?: (number | string | Long);
  'secondTreeSize'?: (number | string | Long);
}

export interface GetConsistencyProofRequest__Output {
  'firstTreeSize': (string);
  'secondTreeSize': (string);
}
