// Original file: proto/spe/v1/lifecycle_service.proto


export interface DecideExtensionResponse {
}

export interface DecideExtensionResponse__Output {
}
