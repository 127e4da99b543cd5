import type { PermitStatus } from '../../permits/domain/permit';

/** Why a permit was archived: its validity ended, its lead closed it, or an HDAB revoked it. */
export type ArchiveReason = 'EXPIRED' | 'CLOSED' | 'REVOKED';

/** The statuses of a granted permit before its archival. */
export const LIVE_STATUSES: readonly PermitStatus[] = [
  'APPROVED',
  'PREPARING',
  'ACTIVE',
  'SUSPENDED',
];

/** What the planner knows of one permit at this node. */
export interface LifecycleFacts {
  readonly permitId: string;
  readonly status: PermitStatus;
  readonly lead: string;
  readonly participants: readonly string[];
  readonly validUntil?: string;
  readonly archivedAt?: string;
  /** The archival applied here: workspace read-only, jobs cancelled; at the lead, who is not yet told of a closure. */
  readonly archival?: { readonly reason: ArchiveReason; readonly untold: readonly string[] };
  /** The destruction here: data dropped at `destroyedAt`; then the record signed, then (a participant) delivered to the lead. */
  readonly destruction?: {
    readonly destroyedAt: string;
    readonly recorded: boolean;
    readonly delivered: boolean;
  };
  /** At the lead: the participants whose destruction records are in. */
  readonly recordsFrom: readonly string[];
  /** The latest extension of the permit's validity asked for. */
  readonly extension?: {
    readonly id: string;
    readonly status: 'PENDING' | 'GRANTED' | 'REJECTED' | 'LAPSED';
    /** At the lead: participants not yet told of it (or of its end). */
    readonly untold: readonly string[];
    /** At a participant: it has decided, and the lead knows. */
    readonly decided: boolean;
    readonly reported: boolean;
  };
}

/** This node's policy. */
export interface LifecyclePolicy {
  readonly node: string;
  /** Months from archival to destruction. */
  readonly destroyAfterMonths: number;
}

/** What the scheduler does to a permit; each is safe to repeat. */
export type LifecycleAction =
  /** Archive the permit here (or, archived by a revocation, apply what archival means). */
  | { readonly kind: 'ARCHIVE'; readonly permitId: string; readonly reason: ArchiveReason }
  /** At the lead: tell the participants not yet told that the permit was closed. */
  | { readonly kind: 'TELL_ARCHIVED'; readonly permitId: string; readonly nodes: readonly string[] }
  /** Drop the workspace, the secret and unreleased outputs, then write the signed record. */
  | { readonly kind: 'DESTROY'; readonly permitId: string }
  /** A participant hands its signed record to the lead. */
  | { readonly kind: 'DELIVER_RECORD'; readonly permitId: string; readonly lead: string }
  /** At the lead: tell the participants not yet told of an extension request, or of its end. */
  | { readonly kind: 'SEND_EXTENSION'; readonly permitId: string; readonly extensionId: string }
  /** A participant brings its decision on an extension to the lead. */
  | {
      readonly kind: 'REPORT_EXTENSION';
      readonly permitId: string;
      readonly extensionId: string;
      readonly lead: string;
    };

/** The next thing that happens to a permit here, for operators. */
export type NextEvent =
  | {
      readonly event: 'ARCHIVE' | 'DESTROY' | 'TELL_ARCHIVED' | 'DELIVER_RECORD';
      readonly at: string;
      /** True when it is due now (the next tick does it). */
      readonly due: boolean;
    }
  | { readonly event: 'AWAIT_RECORDS'; readonly from: readonly string[] };
