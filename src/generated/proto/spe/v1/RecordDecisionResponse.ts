// Original file: proto/spe/v1/permit_service.proto


export interface RecordDecisionResponse {
}

export interface RecordDecisionResponse__Output {
}
