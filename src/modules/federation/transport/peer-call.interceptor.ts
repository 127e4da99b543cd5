import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Metadata, ServerUnaryCall } from '@grpc/grpc-js';
import { catchError, concatMap, defer, from, Observable, throwError } from 'rxjs';
import { MetricsService } from '../../../observability/metrics.service';
import { DomainError, ERROR_CODES, GrpcStatusName } from '../../../shared/errors';
import {
  REQUEST_ID_HEADER,
  requestIdFrom,
  runWithRequestContext,
} from '../../../shared/request-context';
import { AuditService } from '../../audit/application/audit.service';
import { AuditActor, outcomeOfStatus } from '../../audit/domain/audit-entry';
import { FederationDirectory } from '../application/federation-directory';
import { identifyPeer } from '../domain/peer-identity.rules';
import { presentedCertificateOf } from '../infrastructure/x509';
import { rememberCaller } from './peer-caller';

type Call = ServerUnaryCall<unknown, unknown>;

/**
 * Every gRPC call: identify the calling node from its certificate (deny
 * unless it is a registered member certified by its own CA), then audit the
 * call with its outcome before answering. A call that cannot be audited
 * fails.
 */
@Injectable()
export class PeerCallInterceptor implements NestInterceptor {
  constructor(
    private readonly directory: FederationDirectory,
    private readonly audit: AuditService,
    private readonly metrics: MetricsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const metadata = context.getArgByIndex<Metadata>(1);
    const call = context.getArgByIndex<Call>(2);
    const requestId = requestIdFrom(metadata.get(REQUEST_ID_HEADER)[0]);
    return new Observable((subscriber) =>
      runWithRequestContext({ requestId }, () => this.handle(call, next).subscribe(subscriber)),
    );
  }

  private handle(call: Call, next: CallHandler): Observable<unknown> {
    const method = call.getPath();
    const stop = this.metrics.grpcDuration.startTimer({ method });
    let actor: AuditActor = { kind: 'anonymous' };

    const finish = async (error?: unknown) => {
      stop();
      const code = error instanceof DomainError ? error.code : error ? 'INTERNAL' : undefined;
      const status: GrpcStatusName = code ? ERROR_CODES[code] : 'OK';
      this.metrics.grpcRequests.inc({
        method,
        peer: actor.kind === 'peer' ? actor.id : 'unidentified',
        code: status,
      });
      await this.audit.record({
        channel: 'grpc',
        actor,
        action: method,
        outcome: outcomeOfStatus(status),
        errorCode: code,
        details: actor.kind === 'peer' ? undefined : { remoteAddress: call.getPeer() },
      });
    };

    return defer(() => {
      const certificate = call.getAuthContext().sslPeerCertificate?.raw;
      const peer = identifyPeer(
        this.directory.registry,
        certificate ? presentedCertificateOf(certificate) : undefined,
      );
      actor = { kind: 'peer', id: peer.id };
      rememberCaller(call, peer);
      return next.handle();
    }).pipe(
      concatMap(async (response) => {
        await finish();
        return response;
      }),
      catchError((error: unknown) =>
        from(finish(error)).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }
}
