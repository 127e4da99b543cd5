import type { Http2SecureServer } from 'node:http2';
import type { TLSSocket } from 'node:tls';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { GrpcOptions, ServerGrpc } from '@nestjs/microservices';

export interface RefusedHandshake {
  /**
   * OpenSSL's or Node's code: ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE for no
   * certificate; an untrusted one surfaces (TLS 1.3) as the hang-up that follows.
   */
  readonly reason: string;
  readonly remoteAddress?: string;
}

export interface MtlsOptions {
  readonly certPem: string;
  readonly keyPem: string;
  /** The CAs whose client certificates are accepted. */
  readonly trustBundlePem: string;
  readonly onRefusedHandshake: (refusal: RefusedHandshake) => void;
}

/**
 * Nest's gRPC transport with client certificates required by TLS itself:
 * a client without a certificate of a trusted CA never reaches a handler.
 * Such refusals happen inside the TLS handshake, so they are reported from
 * the underlying HTTP/2 servers' `tlsClientError` events.
 */
export class MtlsGrpcServer extends ServerGrpc {
  constructor(
    options: Omit<GrpcOptions['options'], 'credentials'>,
    private readonly mtls: MtlsOptions,
  ) {
    super({
      ...options,
      credentials: ServerCredentials.createSsl(
        Buffer.from(mtls.trustBundlePem),
        [{ private_key: Buffer.from(mtls.keyPem), cert_chain: Buffer.from(mtls.certPem) }],
        true,
      ),
    });
  }

  override async createClient(): Promise<Server> {
    const server: Server = await super.createClient();
    // grpc-js keeps its HTTP/2 servers private; the tests of refused clients fail if this changes.
    const http2Servers = (server as unknown as { http2Servers?: Map<Http2SecureServer, unknown> })
      .http2Servers;
    if (!(http2Servers instanceof Map) || http2Servers.size === 0) {
      server.forceShutdown();
      throw new Error('Cannot observe TLS refusals of this @grpc/grpc-js version');
    }
    for (const http2Server of http2Servers.keys()) {
      http2Server.on('tlsClientError', (error: Error & { code?: string }, socket: TLSSocket) => {
        this.mtls.onRefusedHandshake({
          reason: error.code ?? error.message,
          remoteAddress: socket.remoteAddress,
        });
      });
    }
    return server;
  }
}
