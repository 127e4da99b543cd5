import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  Channel,
  ChannelCredentials,
  Client,
  credentials,
  Metadata,
  ServiceError,
  status as GrpcStatus,
} from '@grpc/grpc-js';
import { GrpcConfig } from '../../../config/app-config';
import { ERROR_CODE_METADATA } from '../../../grpc/error-metadata';
import { loadProtos } from '../../../grpc/proto';
import { MetricsService } from '../../../observability/metrics.service';
import { DomainError, ErrorCode, isErrorCode } from '../../../shared/errors';
import { currentRequestId, REQUEST_ID_HEADER } from '../../../shared/request-context';
import { FederationDirectory } from '../application/federation-directory';
import { spiffeIdOf, urisOfSubjectAltName } from '../domain/spiffe-id';
import { FederationMaterial } from './federation-material';

export type PeerServiceName =
  | 'PeerService'
  | 'CatalogueService'
  | 'PermitService'
  | 'WorkspaceService'
  | 'JobService'
  | 'LifecycleService'
  | 'AuditService';

type UnaryMethod = (
  request: unknown,
  metadata: Metadata,
  options: { deadline: Date },
  callback: (error: ServiceError | null, response?: unknown) => void,
) => unknown;

const RETRYABLE = new Set([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED]);

/**
 * Outbound gRPC to peers: one mutual-TLS channel per peer shared by every
 * service, the peer proven by its SPIFFE id, a deadline on every call, the
 * request id carried along, metrics, and peer errors turned back into
 * DomainErrors. Idempotent calls are retried once on UNAVAILABLE or
 * DEADLINE_EXCEEDED.
 */
@Injectable()
export class PeerChannels implements OnApplicationShutdown {
  private readonly proto = loadProtos();
  private readonly channels = new Map<string, Channel>();
  private readonly clients = new Map<string, Client>();

  constructor(
    private readonly directory: FederationDirectory,
    private readonly material: FederationMaterial,
    private readonly config: GrpcConfig,
    private readonly metrics: MetricsService,
  ) {}

  async call(
    peerId: string,
    service: PeerServiceName,
    method: string,
    request: unknown,
    options: { idempotent: boolean; deadlineMs?: number },
  ): Promise<unknown> {
    const client = this.client(peerId, service) as unknown as Record<string, UnaryMethod>;
    const invoke = client[method]!.bind(client) as UnaryMethod;
    try {
      return await this.unary(peerId, method, invoke, request, options.deadlineMs);
    } catch (error) {
      if (!options.idempotent || !isServiceError(error) || !RETRYABLE.has(error.code)) {
        throw toDomainError(error, peerId);
      }
      try {
        return await this.unary(peerId, method, invoke, request, options.deadlineMs);
      } catch (again) {
        throw toDomainError(again, peerId);
      }
    }
  }

  /** Last of all, so work stopping in onModuleDestroy still sees its calls end as they would. */
  onApplicationShutdown(): void {
    for (const client of this.clients.values()) client.close();
    for (const channel of this.channels.values()) channel.close();
    this.clients.clear();
    this.channels.clear();
  }

  private unary(
    peerId: string,
    method: string,
    invoke: UnaryMethod,
    request: unknown,
    deadlineMs = this.config.peerDeadlineMs,
  ) {
    const metadata = new Metadata();
    const requestId = currentRequestId();
    if (requestId) metadata.set(REQUEST_ID_HEADER, requestId);
    const deadline = new Date(Date.now() + deadlineMs);
    const stop = this.metrics.peerCallDuration.startTimer({ peer: peerId, method });
    return new Promise<unknown>((resolve, reject) => {
      invoke(request, metadata, { deadline }, (error, response) => {
        stop();
        this.metrics.peerCalls.inc({
          peer: peerId,
          method,
          code: GrpcStatus[error ? error.code : GrpcStatus.OK],
        });
        if (error) reject(error);
        else resolve(response);
      });
    });
  }

  private client(peerId: string, service: PeerServiceName): Client {
    const key = `${service}/${peerId}`;
    const existing = this.clients.get(key);
    if (existing) return existing;
    const peer = this.directory.member(peerId);
    const client = new this.proto.spe.v1[service](peer.grpcAddress, credentials.createInsecure(), {
      channelOverride: this.channel(peerId),
    });
    this.clients.set(key, client);
    return client;
  }

  private channel(peerId: string): Channel {
    const existing = this.channels.get(peerId);
    if (existing) return existing;
    const peer = this.directory.member(peerId);
    const trustDomain = this.directory.registry.trustDomain;
    const channel = new Channel(
      peer.grpcAddress,
      this.credentialsFor(peer.caPem, spiffeIdOf(trustDomain, peer.id)),
      {
        // A DNS-like TLS server name (SNI may not be an IP address, RFC 6066).
        'grpc.ssl_target_name_override': `${peer.id}.${trustDomain}`,
      },
    );
    this.channels.set(peerId, channel);
    return channel;
  }

  private credentialsFor(caPem: string, expectedId: string): ChannelCredentials {
    return credentials.createSsl(
      Buffer.from(caPem),
      Buffer.from(this.material.tls.keyPem),
      Buffer.from(this.material.tls.certPem),
      {
        // The peer is named by its SPIFFE id, not by the host it is reached at.
        checkServerIdentity: (_host, certificate) =>
          urisOfSubjectAltName(certificate.subjectaltname).includes(expectedId)
            ? undefined
            : new Error(`The server is not ${expectedId}`),
      },
    );
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

/** Validates what a peer answered; a malformed answer is the peer's failure. */
export function parsePeerResponse<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } },
  response: unknown,
  peerId: string,
): T {
  const parsed = schema.safeParse(response);
  if (!parsed.success) throw new DomainError('PEER.FAILED', `${peerId} sent a malformed response`);
  return parsed.data;
}
