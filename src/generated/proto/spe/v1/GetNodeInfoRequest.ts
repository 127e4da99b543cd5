// Original file: proto/spe/v1/peer_service.proto


export interface GetNodeInfoRequest {
}

export interface GetNodeInfoRequest__Output {
}
