// Original file: proto/spe/v1/lifecycle_service.proto


export interface DeliverDestructionRecordResponse {
}

export interface DeliverDestructionRecordResponse__Output {
}
