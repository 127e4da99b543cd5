// Original file: proto/spe/v1/lifecycle_service.proto


export interface ConcludeExtensionResponse {
}

export interface ConcludeExtensionResponse__Output {
}
