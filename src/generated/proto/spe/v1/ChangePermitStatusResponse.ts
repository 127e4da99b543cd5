// Original file: proto/spe/v1/permit_service.proto


export interface ChangePermitStatusResponse {
}

export interface ChangePermitStatusResponse__Output {
}
