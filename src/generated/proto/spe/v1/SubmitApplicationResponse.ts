// Original file: proto/spe/v1/permit_service.proto


export interface SubmitApplicationResponse {
}

export interface SubmitApplicationResponse__Output {
}
