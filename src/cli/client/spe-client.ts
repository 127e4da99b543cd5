import { ApiError } from './api-error';
import {
  ApplicationRequest,
  ApplicationView,
  AuditEntryView,
  AuditQuery,
  HeldOutputView,
  JobRequest,
  JobView,
  LifecycleView,
  PreparationView,
} from './api-types';

const TIMEOUT_MS = 30_000;

/**
 * A node's REST API, as any client (the `spe` commands, the demo) calls it:
 * one method per route, the bearer token given once. A refusal is thrown as
 * an ApiError with the node's code; a node that cannot be reached, as an
 * ApiError with code CLIENT.UNREACHABLE.
 */
export class SpeClient {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly token?: string,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The same node, as another person. */
  as(token: string): SpeClient {
    return new SpeClient(this.baseUrl, token);
  }

  node() {
    return this.request<{ nodeId: string; country: string }>('GET', '/v1/node');
  }

  lodgeApplication(application: ApplicationRequest) {
    return this.request<ApplicationView>('POST', '/v1/applications', application);
  }

  applications(options: { pending?: boolean } = {}) {
    return this.request<ApplicationView[]>(
      'GET',
      `/v1/applications${options.pending ? '?pending=true' : ''}`,
    );
  }

  application(id: string) {
    return this.request<ApplicationView>('GET', `/v1/applications/${enc(id)}`);
  }

  decide(id: string, outcome: 'APPROVED' | 'REJECTED', reason: string) {
    return this.request<ApplicationView>('POST', `/v1/applications/${enc(id)}/decision`, {
      outcome,
      reason,
    });
  }

  preparation(permitId: string) {
    return this.request<PreparationView>('GET', `/v1/permits/${enc(permitId)}/preparation`);
  }

  revokePermit(permitId: string, reason: string) {
    return this.request<ApplicationView>('POST', `/v1/permits/${enc(permitId)}/revoke`, {
      reason,
    });
  }

  closePermit(permitId: string, reason: string) {
    return this.request<LifecycleView>('POST', `/v1/permits/${enc(permitId)}/close`, { reason });
  }

  lifecycle(permitId: string) {
    return this.request<LifecycleView>('GET', `/v1/permits/${enc(permitId)}/lifecycle`);
  }

  submitJob(job: JobRequest) {
    return this.request<JobView>('POST', '/v1/jobs', job);
  }

  job(id: string) {
    return this.request<JobView>('GET', `/v1/jobs/${enc(id)}`);
  }

  jobs(permitId: string) {
    return this.request<JobView[]>('GET', `/v1/jobs?permit=${enc(permitId)}`);
  }

  airlock(state?: 'AWAITING_REVIEW' | 'RELEASED' | 'REJECTED') {
    return this.request<HeldOutputView[]>('GET', `/v1/airlock${state ? `?state=${state}` : ''}`);
  }

  releaseOutput(id: string, reason: string) {
    return this.request<HeldOutputView>('POST', `/v1/airlock/${enc(id)}/release`, { reason });
  }

  rejectOutput(id: string, reason: string) {
    return this.request<HeldOutputView>('POST', `/v1/airlock/${enc(id)}/reject`, { reason });
  }

  auditEntries(query: AuditQuery) {
    const params = new URLSearchParams({ format: 'json' });
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
    return this.request<{ entries: AuditEntryView[]; next: string | null }>(
      'GET',
      `/v1/audit/entries?${params.toString()}`,
    );
  }

  /** Has the node take in every committed entry and sign a tree head now. */
  signTreeHead() {
    return this.request<{ treeSize: number; timestamp: string }>('POST', '/v1/audit/tree/head');
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
      const reason =
        cause?.code ??
        cause?.errors?.[0]?.code ??
        (cause as Error | undefined)?.message ??
        (error as Error).message;
      throw new ApiError(0, 'CLIENT.UNREACHABLE', `${method} ${this.baseUrl}${path}: ${reason}`);
    }
    const answer: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const error = (answer as { error?: { code?: string; message?: string; details?: unknown } })
        ?.error;
      throw new ApiError(
        res.status,
        error?.code ?? `HTTP.${res.status}`,
        error?.message ?? `${method} ${path} answered ${res.status}`,
        error?.details,
      );
    }
    return answer as T;
  }
}

const enc = encodeURIComponent;
