// Original file: proto/spe/v1/workspace_service.proto


export interface ReportWorkspaceReadyResponse {
}

export interface ReportWorkspaceReadyResponse__Output {
}
