// Original file: proto/spe/v1/workspace_service.proto


export interface ActivatePermitResponse {
}

export interface ActivatePermitResponse__Output {
}
