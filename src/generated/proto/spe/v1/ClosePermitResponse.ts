// Original file: proto/spe/v1/lifecycle_service.proto


export interface ClosePermitResponse {
}

export interface ClosePermitResponse__Output {
}
