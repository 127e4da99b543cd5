import { eventually } from './eventually';
import { TestFederation, TestNode } from './test-federation';

export const DEV_ISSUER = 'https://dev-issuer.ehds.example';

export interface HttpReply<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T & { error?: { code: string; message: string; details?: unknown } };
}

/** A JSON request to a node's REST API with a bearer token. */
export async function callNode<T = Record<string, unknown>>(
  node: TestNode,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<HttpReply<T>> {
  const res = await fetch(`${node.httpUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as HttpReply<T>['body'] };
}

/**
 * Lodges an application at `lead` for `datasets`, has every participant's
 * reviewer approve it, and waits until the permit is in use (ACTIVE) at
 * every node, its workspaces built. Returns the permit id.
 */
export async function grantedPermit(
  federation: TestFederation,
  nodes: Readonly<Record<string, TestNode>>,
  options: {
    lead: string;
    datasets: { node: string; dataset: string; variables: string[] }[];
    analysisKinds: string[];
    users?: string[];
    waitFor?: 'ACTIVE' | 'PREPARING';
  },
): Promise<string> {
  const researcher = await federation.token('alice', ['researcher']);
  const lodged = await callNode<{ id: string }>(
    nodes[options.lead]!,
    'POST',
    '/v1/applications',
    researcher,
    {
      applicant: { name: 'Alice Martin', organisation: 'Charité Research' },
      purpose: 'scientific-research',
      title: 'A federated test study',
      description: 'Checking that federated analyses equal the pooled analysis.',
      datasets: options.datasets,
      users: (options.users ?? ['alice']).map((subject) => ({ issuer: DEV_ISSUER, subject })),
      durationMonths: 12,
      pseudonymised: false,
      analysisKinds: options.analysisKinds,
    },
  );
  if (lodged.status !== 201) throw new Error(`Lodging failed: ${JSON.stringify(lodged.body)}`);
  const id = lodged.body.id;
  const participants = [...new Set([options.lead, ...options.datasets.map((d) => d.node)])];
  for (const node of participants) {
    const token = await federation.token(`reviewer-${node}`, ['hdab-reviewer'], { hdab: node });
    await eventually(async () => {
      const decided = await callNode(
        nodes[node]!,
        'POST',
        `/v1/applications/${id}/decision`,
        token,
        {
          outcome: 'APPROVED',
          reason: 'Fits the purpose.',
        },
      );
      return decided.status === 200 ? true : undefined;
    });
  }
  const wanted = options.waitFor ?? 'ACTIVE';
  for (const node of participants) {
    await eventually(async () => {
      const view = await callNode<{ status: string }>(
        nodes[node]!,
        'GET',
        `/v1/applications/${id}`,
        researcher,
      );
      return view.body.status === wanted ? true : undefined;
    }, 20_000);
  }
  return id;
}
