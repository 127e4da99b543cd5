// Original file: proto/spe/v1/catalogue_service.proto


export interface ListDatasetsRequest {
}

export interface ListDatasetsRequest__Output {
}
