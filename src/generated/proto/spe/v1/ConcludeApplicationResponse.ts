// Original file: proto/spe/v1/permit_service.proto


export interface ConcludeApplicationResponse {
}

export interface ConcludeApplicationResponse__Output {
}
