/**
 * The shapes of the node's REST answers that its clients read (docs/api.md
 * describes them in full); fields a client does not read are left out.
 */

export interface PersonRef {
  readonly issuer: string;
  readonly subject: string;
}

export interface GeneralJws {
  readonly payload: string;
  readonly signatures: readonly { readonly protected: string; readonly signature: string }[];
}

export interface ApplicationRequest {
  readonly applicant: { readonly name: string; readonly organisation: string };
  readonly purpose: string;
  readonly title: string;
  readonly description: string;
  readonly datasets: readonly {
    readonly node: string;
    readonly dataset: string;
    readonly variables: readonly string[];
  }[];
  readonly users: readonly PersonRef[];
  readonly durationMonths: number;
  readonly pseudonymised: boolean;
  readonly analysisKinds: readonly string[];
}

export interface ApplicationView {
  readonly id: string;
  readonly status: string;
  readonly lead: string;
  readonly participants: readonly string[];
  readonly title: string;
  readonly purpose: string;
  readonly applicant: { readonly name: string; readonly organisation: string };
  readonly datasets: ApplicationRequest['datasets'];
  readonly receivedAt: string;
  readonly decisionDueAt: string;
  readonly decisions: readonly {
    readonly node: string;
    readonly outcome: string;
    readonly reason?: string;
    readonly decidedAt?: string;
  }[];
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly permit?: GeneralJws;
}

export interface PreparationView {
  readonly workspace?: { readonly status: string };
  readonly participants?: readonly { readonly node: string; readonly ready: boolean }[];
  readonly [more: string]: unknown;
}

export interface JobRequest {
  readonly permitId: string;
  readonly kind: string;
  readonly params: Record<string, unknown>;
}

export interface Finding {
  readonly rule: string;
  readonly cell?: string;
  readonly threshold?: number;
  readonly outcome: string;
  readonly value?: number;
}

export interface JobView {
  readonly id: string;
  readonly permitId: string;
  readonly kind: string;
  readonly status: 'RUNNING' | 'COMPLETE' | 'PARTIAL' | 'FAILED' | 'CANCELLED';
  readonly submittedAt: string;
  readonly finishedAt?: string;
  readonly progress: { readonly round: number; readonly nodes: number; readonly settled: number };
  readonly nodes: readonly {
    readonly node: string;
    readonly state: string;
    readonly persons?: number;
    readonly findings?: readonly Finding[];
    readonly reason?: string;
  }[];
  readonly spec: Record<string, unknown> & { readonly params: Record<string, unknown> };
  readonly result?: {
    readonly status: string;
    readonly result?: Record<string, unknown>;
    readonly missing?: unknown;
    readonly error?: string;
  };
}

export interface HeldOutputView {
  readonly id: string;
  readonly jobId: string;
  readonly permitId: string;
  readonly kind: string;
  readonly submittedBy: PersonRef;
  readonly status: string;
  readonly state: string;
  readonly findings: readonly Finding[];
  readonly heldAt: string;
  readonly decidedAt?: string;
  readonly reason?: string;
  readonly reviews: readonly { readonly reviewer: string; readonly decision: string }[];
}

export interface LifecycleView {
  readonly status: string;
  readonly validUntil?: string;
  readonly archivedAt?: string;
  readonly archiveReason?: string;
  readonly destroyDueAt?: string;
  readonly destroyedAt?: string;
  readonly next: { readonly event: string; readonly at?: string; readonly from?: string[] } | null;
  readonly records?: readonly {
    readonly node: string;
    readonly destroyed: boolean;
    readonly destroyedAt?: string;
    readonly record?: string;
    readonly content?: Record<string, unknown>;
  }[];
}

export interface AuditEntryView {
  readonly index: number | null;
  readonly entry: {
    readonly seq: string;
    readonly occurredAt: string;
    readonly channel: string;
    readonly actorKind: string;
    readonly actorId: string | null;
    readonly action: string;
    readonly permitId: string | null;
    readonly outcome: string;
    readonly errorCode: string | null;
  };
}

export interface AuditQuery {
  readonly permit?: string;
  readonly person?: string;
  readonly peer?: string;
  readonly action?: string;
  readonly outcome?: string;
  readonly from?: string;
  readonly to?: string;
  readonly after?: string;
  readonly limit?: number;
}
