// Original file: proto/spe/v1/peer_service.proto


export interface CheckHealthRequest {
}

export interface CheckHealthRequest__Output {
}
