import { Purpose } from './purposes';

/** A person named in an application or permit, as OIDC names them. */
export interface NamedUser {
  readonly issuer: string;
  readonly subject: string;
}

/** What is asked of one country: a dataset of its node and the variables of it. */
export interface DatasetRequest {
  readonly node: string;
  readonly dataset: string;
  readonly variables: readonly string[];
}

/** The data access application, as lodged at the lead node (EHDS Art 67). */
export interface Application {
  readonly id: string;
  readonly lead: string;
  readonly applicant: NamedUser & { readonly name: string; readonly organisation: string };
  readonly publicSectorBody: boolean;
  readonly purpose: Purpose;
  readonly title: string;
  readonly description: string;
  readonly datasets: readonly DatasetRequest[];
  readonly users: readonly NamedUser[];
  readonly durationMonths: number;
  readonly pseudonymised: boolean;
  readonly pseudonymisationJustification?: string;
  readonly analysisKinds: readonly string[];
  readonly receivedAt: string;
}

/** The permit's lifecycle (ARCHITECTURE.md); a permit starts as the application. */
export type PermitStatus =
  | 'REQUESTED'
  | 'APPROVED'
  | 'REJECTED'
  | 'WITHDRAWN'
  | 'PREPARING'
  | 'ACTIVE'
  | 'SUSPENDED'
  | 'ARCHIVED'
  | 'DESTROYED';

export type DecisionOutcome = 'PENDING' | 'APPROVED' | 'REJECTED';

/** One participating HDAB's decision on its part. */
export interface Decision {
  readonly node: string;
  readonly outcome: DecisionOutcome;
  readonly reason?: string;
  /** Who decided, issuer#subject (kept at the deciding node and the lead). */
  readonly decidedBy?: string;
  readonly decidedAt?: string;
}

/** An HDAB's request that the applicant complete the application (EHDS Art 68(4)). */
export interface CompletionRequest {
  readonly missing: readonly string[];
  readonly requestedBy: string;
  readonly requestedAt: string;
  /** Four weeks after the request; an application not completed by then is deemed withdrawn. */
  readonly dueAt: string;
}

/** A permit as one node holds it. */
export interface Permit {
  readonly application: Application;
  /** Raised each time the applicant completes the application. */
  readonly applicationVersion: number;
  readonly completion?: CompletionRequest;
  readonly status: PermitStatus;
  readonly decisions: readonly Decision[];
  /** Due date of the decision: three months after receipt (Art 68(4)). */
  readonly decisionDueAt: string;
  /** The granted permit: JWS General JSON Serialization, one signature per participant. */
  readonly jws?: GeneralJws;
  readonly version: number;
}

export interface GeneralJws {
  readonly payload: string;
  readonly signatures: readonly { readonly protected: string; readonly signature: string }[];
}

/** The participating nodes of an application, lead included, in a stable order. */
export function participantsOf(application: Pick<Application, 'lead' | 'datasets'>): string[] {
  return [...new Set([application.lead, ...application.datasets.map((d) => d.node)])].sort();
}
