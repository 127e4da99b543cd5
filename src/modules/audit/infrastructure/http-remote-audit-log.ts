import { z } from 'zod';
import { publicJwkSchema } from '../../federation/infrastructure/registry-file.schema';
import { PublicJwk } from '../../federation/domain/federation-member';
import { RemoteAuditLog, RemoteLeaf } from '../application/remote-audit-log.port';
import { InclusionProof } from '../domain/log-difference';

const hash = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a SHA-256 hash in base64')
  .transform((s) => Buffer.from(s, 'base64'));
const index = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const nodeSchema = z.object({
  nodeId: z.string().min(1),
  signingKeys: z.object({ keys: z.array(publicJwkSchema).max(16) }),
});
const headSchema = z.object({ jws: z.string().min(1).max(4096) });
const leavesSchema = z.object({
  leaves: z.array(z.object({ index, entry: z.unknown() })).max(1000),
});
const inclusionSchema = z.object({ leafHash: hash, proof: z.array(hash).max(128) });
const consistencySchema = z.object({ proof: z.array(hash).max(128) });

/** A node's auditor API over HTTP, with a bearer token; every answer is checked for shape. */
export class HttpRemoteAuditLog extends RemoteAuditLog {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly token: string,
  ) {
    super();
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Who the node says it is, and the keys it says it signs with (public, no token). */
  async node(): Promise<{ id: string; keys: PublicJwk[] }> {
    const info = await this.get('/v1/node', nodeSchema, false);
    return { id: info.nodeId, keys: info.signingKeys.keys };
  }

  async latestHead(): Promise<string> {
    return (await this.get('/v1/audit/tree/head', headSchema)).jws;
  }

  async leaves(start: number, end: number): Promise<RemoteLeaf[]> {
    return (await this.get(`/v1/audit/tree/leaves?start=${start}&end=${end}`, leavesSchema)).leaves;
  }

  async inclusionProof(i: number, treeSize: number): Promise<InclusionProof> {
    const answer = await this.get(
      `/v1/audit/tree/inclusion-proof?index=${i}&treeSize=${treeSize}`,
      inclusionSchema,
    );
    return { leafHash: answer.leafHash, path: answer.proof };
  }

  async consistencyProof(first: number, second: number): Promise<Buffer[]> {
    return (
      await this.get(
        `/v1/audit/tree/consistency-proof?first=${first}&second=${second}`,
        consistencySchema,
      )
    ).proof;
  }

  private async get<T>(path: string, schema: z.ZodType<T>, authenticated = true): Promise<T> {
    const res = await this.fetchWithRetry(path, authenticated);
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new Error(
        `GET ${path}: HTTP ${res.status}${error ? ` ${error.code}: ${error.message}` : ''}`,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new Error(`GET ${path}: the node's answer is malformed`);
    return parsed.data;
  }

  /** A GET is safe to repeat: a connection the server dropped is tried twice more. */
  private async fetchWithRetry(path: string, authenticated: boolean): Promise<Response> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await fetch(`${this.baseUrl}${path}`, {
          headers: authenticated ? { authorization: `Bearer ${this.token}` } : {},
        });
      } catch (error) {
        if (attempt === 3) {
          const cause = (error as Error & { cause?: Error }).cause?.message;
          throw new Error(`GET ${path}: ${(error as Error).message}${cause ? ` (${cause})` : ''}`);
        }
        await new Promise((r) => setTimeout(r, 250 * attempt));
      }
    }
  }
}
