// Original file: proto/spe/v1/lifecycle_service.proto


export interface ProposeExtensionResponse {
}

export interface ProposeExtensionResponse__Output {
}
