import type { AuditVerdict } from '../audit-verification';
import type { ApplicationView, Finding, GeneralJws, JobView } from '../client/api-types';
import type { KeptCountryData } from './demo-data';

/** Everything the demo did and saw, as report.json holds it and the HTML report shows it. */
export interface DemoFacts {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly nodes: readonly {
    readonly id: string;
    readonly country: string;
    readonly httpUrl: string;
  }[];
  readonly lead: string;
  readonly researcher: string;
  readonly data: readonly KeptCountryData[];
  readonly application: Pick<
    ApplicationView,
    'id' | 'title' | 'purpose' | 'applicant' | 'datasets' | 'receivedAt' | 'decisions'
  >;
  readonly permit: {
    readonly id: string;
    readonly validFrom?: string;
    readonly validUntil?: string;
    readonly jws: GeneralJws;
    readonly signatures: readonly SignatureCheck[];
  };
  readonly jobs: readonly DemoJob[];
  readonly airlock: readonly AirlockReview[];
  readonly lifecycle: {
    readonly closedAt: string;
    readonly refusedAfterClosure?: string;
    readonly destruction: readonly DestructionFact[];
  };
  readonly audit: readonly AuditVerdict[];
}

export interface SignatureCheck {
  readonly node: string;
  readonly kid: string;
  readonly alg: string;
  readonly verified: boolean;
}

export interface DemoJob {
  readonly title: string;
  readonly id: string;
  readonly kind: string;
  /** The job's full specification, as every node received it. */
  readonly spec: JobView['spec'];
  readonly status: JobView['status'];
  readonly nodes: JobView['nodes'];
  readonly rounds?: number;
  /** The pooled result, exactly the analysis of all countries' rows. */
  readonly result: unknown;
}

export interface AirlockReview {
  readonly node: string;
  readonly outputId: string;
  readonly jobId: string;
  readonly findings: readonly Finding[];
  readonly reviewer: string;
  readonly decision: 'RELEASED';
  readonly reason: string;
}

export interface DestructionFact {
  readonly node: string;
  readonly destroyedAt?: string;
  /** The signed destruction record, a compact JWS. */
  readonly record: string;
  readonly content: Record<string, unknown>;
  /** Whether the record's signature verifies with the key the node publishes. */
  readonly verified: boolean;
}

/** Rows the node's record says it dropped with the workspace. */
export function workspaceRows(content: Record<string, unknown> | undefined): number {
  const workspace = content?.workspace as { tables?: { rows: number }[] } | null | undefined;
  return (workspace?.tables ?? []).reduce((n, t) => n + t.rows, 0);
}
