import { GrpcStatusName } from '../../../shared/errors';

export type AuditChannel = 'http' | 'grpc' | 'tls' | 'internal';

export type AuditActor =
  | { readonly kind: 'user'; readonly id: string; readonly role?: string }
  | { readonly kind: 'peer'; readonly id: string }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'system' };

export const AUDIT_OUTCOMES = ['success', 'denied', 'invalid', 'error'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One access or activity, as the code that performed it describes it. */
export interface AuditEvent {
  readonly channel: AuditChannel;
  readonly actor: AuditActor;
  /** What was done: a route, an RPC path or a domain action such as `permit.approve`. */
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly permitId?: string;
  readonly errorCode?: string;
  /** Facts about the act. Never health data. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** An event as recorded: stamped with its place in the log, time and request. */
export interface AuditEntry extends AuditEvent {
  readonly seq: string;
  readonly occurredAt: Date;
  readonly requestId?: string;
}

/** How a refusal reads in the log, from the status it was answered with. */
export function outcomeOfStatus(status: GrpcStatusName): AuditOutcome {
  switch (status) {
    case 'OK':
      return 'success';
    case 'UNAUTHENTICATED':
    case 'PERMISSION_DENIED':
      return 'denied';
    case 'INVALID_ARGUMENT':
    case 'FAILED_PRECONDITION':
    case 'OUT_OF_RANGE':
    case 'NOT_FOUND':
    case 'ALREADY_EXISTS':
    case 'ABORTED':
    case 'RESOURCE_EXHAUSTED':
      return 'invalid';
    default:
      return 'error';
  }
}
