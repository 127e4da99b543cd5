// Original file: proto/spe/v1/audit_service.proto


export interface GetSignedTreeHeadRequest {
}

export interface GetSignedTreeHeadRequest__Output {
}
