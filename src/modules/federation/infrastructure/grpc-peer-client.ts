import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { credentials, Metadata, ServiceError, status as GrpcStatus } from '@grpc/grpc-js';
import type { PeerServiceClient } from '../../../generated/proto/spe/v1/PeerService';
import { GrpcConfig } from '../../../config/app-config';
import { loadProtos } from '../../../grpc/proto';
import { MetricsService } from '../../../observability/metrics.service';
import { DomainError, ErrorCode, isErrorCode } from '../../../shared/errors';
import { currentRequestId, REQUEST_ID_HEADER } from '../../../shared/request-context';
import { FederationDirectory } from '../application/federation-directory';
import { PeerClient, PeerHealth } from '../application/peer-client.port';
import { NodeInfo } from '../domain/federation-member';
import { spiffeIdOf, urisOfSubjectAltName } from '../domain/spiffe-id';
import { checkHealthResponseSchema, getNodeInfoResponseSchema } from '../transport/peer.schemas';
import { FederationMaterial } from './federation-material';
import { ERROR_CODE_METADATA } from '../../../grpc/error-metadata';

type Unary<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: { deadline: Date },
  callback: (error: ServiceError | null, response?: Res) => void,
) => unknown;

const RETRYABLE = new Set([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED]);

/** PeerService over mutual TLS; the server must prove the SPIFFE id the registry expects. */
@Injectable()
export class GrpcPeerClient extends PeerClient implements OnModuleDestroy {
  private readonly proto = loadProtos();
  private readonly clients = new Map<string, PeerServiceClient>();

  constructor(
    private readonly directory: FederationDirectory,
    private readonly material: FederationMaterial,
    private readonly config: GrpcConfig,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  async getNodeInfo(peerId: string): Promise<NodeInfo> {
    const client = this.clientFor(peerId);
    const response = await this.idempotent(
      peerId,
      'GetNodeInfo',
      client.getNodeInfo.bind(client),
      {},
    );
    const info = parsePeerResponse(getNodeInfoResponseSchema, response, peerId);
    return { ...info, signingKeys: { keys: info.signingKeys } };
  }

  async checkHealth(peerId: string): Promise<PeerHealth> {
    const client = this.clientFor(peerId);
    const response = await this.idempotent(
      peerId,
      'CheckHealth',
      client.checkHealth.bind(client),
      {},
    );
    const health = parsePeerResponse(checkHealthResponseSchema, response, peerId);
    return { serving: health.status === 'SERVING_STATUS_SERVING', databaseUp: health.databaseUp };
  }

  onModuleDestroy(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  /** One retry, only for idempotent calls and only on UNAVAILABLE or DEADLINE_EXCEEDED. */
  private async idempotent<Req, Res>(
    peerId: string,
    method: string,
    call: Unary<Req, Res>,
    request: Req,
  ): Promise<Res> {
    try {
      return await this.unary(peerId, method, call, request);
    } catch (error) {
      if (!isServiceError(error) || !RETRYABLE.has(error.code)) throw toDomainError(error, peerId);
      try {
        return await this.unary(peerId, method, call, request);
      } catch (again) {
        throw toDomainError(again, peerId);
      }
    }
  }

  private unary<Req, Res>(peerId: string, method: string, call: Unary<Req, Res>, request: Req) {
    const metadata = new Metadata();
    const requestId = currentRequestId();
    if (requestId) metadata.set(REQUEST_ID_HEADER, requestId);
    const deadline = new Date(Date.now() + this.config.peerDeadlineMs);
    const stop = this.metrics.peerCallDuration.startTimer({ peer: peerId, method });
    return new Promise<Res>((resolve, reject) => {
      call(request, metadata, { deadline }, (error, response) => {
        stop();
        this.metrics.peerCalls.inc({
          peer: peerId,
          method,
          code: GrpcStatus[error ? error.code : GrpcStatus.OK],
        });
        if (error) reject(error);
        else resolve(response as Res);
      });
    });
  }

  private clientFor(peerId: string): PeerServiceClient {
    const existing = this.clients.get(peerId);
    if (existing) return existing;
    const peer = this.directory.member(peerId);
    const expectedId = spiffeIdOf(this.directory.registry.trustDomain, peer.id);
    const channelCredentials = credentials.createSsl(
      Buffer.from(peer.caPem),
      Buffer.from(this.material.tls.keyPem),
      Buffer.from(this.material.tls.certPem),
      {
        // The peer is named by its SPIFFE id, not by the host it is reached at.
        checkServerIdentity: (_host, certificate) =>
          urisOfSubjectAltName(certificate.subjectaltname).includes(expectedId)
            ? undefined
            : new Error(`The server at ${peer.grpcAddress} is not ${expectedId}`),
      },
    );
    const client = new this.proto.spe.v1.PeerService(peer.grpcAddress, channelCredentials, {
      // A DNS-like TLS server name (SNI may not be an IP address, RFC 6066).
      'grpc.ssl_target_name_override': `${peer.id}.${this.directory.registry.trustDomain}`,
    });
    this.clients.set(peerId, client);
    return client;
  }
}

function isServiceError(error: unknown): error is ServiceError {
  return typeof error === 'object' && error !== null && 'code' in error && 'metadata' in error;
}

/** A peer's refusal keeps the peer's own error code; transport failures get PEER.* codes. */
function toDomainError(error: unknown, peerId: string): DomainError {
  if (!isServiceError(error)) return new DomainError('PEER.FAILED', `Call to ${peerId} failed`);
  const peerCode = error.metadata?.get(ERROR_CODE_METADATA)[0];
  const code: ErrorCode = isErrorCode(peerCode)
    ? peerCode
    : error.code === GrpcStatus.UNAVAILABLE
      ? 'PEER.UNAVAILABLE'
      : error.code === GrpcStatus.DEADLINE_EXCEEDED
        ? 'PEER.DEADLINE_EXCEEDED'
        : 'PEER.FAILED';
  return new DomainError(code, `${peerId}: ${error.details || GrpcStatus[error.code]}`, {
    peer: peerId,
    grpcStatus: GrpcStatus[error.code],
  });
}

function parsePeerResponse<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } },
  response: unknown,
  peerId: string,
): T {
  const parsed = schema.safeParse(response);
  if (!parsed.success) throw new DomainError('PEER.FAILED', `${peerId} sent a malformed response`);
  return parsed.data;
}
