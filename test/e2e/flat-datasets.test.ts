import { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import { callNode, grantedPermit } from '../support/granted-permit';
import {
  REGISTRY_DICTIONARY,
  REGISTRY_VARIABLES,
  registryCsv,
  RegistryRow,
  registryRows,
} from '../support/registry-data';
import { TestFederation, TestNode } from '../support/test-federation';

/**
 * A flat registry file registered over REST at three nodes, each holding a
 * different part of the persons, then used like any dataset: in the
 * catalogue, an application and permit, a pseudonymised workspace, and every
 * analysis kind, whose results equal the same analysis of the pooled rows.
 */

interface JobView {
  status: string;
  nodes: { node: string; state: string; reason?: string }[];
  result?: { contributors: { node: string; persons: number }[]; result?: unknown };
}

const ROWS: Record<string, RegistryRow[]> = {
  de: registryRows(101, 1, 400),
  fr: registryRows(202, 401, 300),
  nl: registryRows(303, 701, 250),
};
const NODES = ['de', 'fr', 'nl'];
const pooled = () => NODES.flatMap((n) => ROWS[n]!);

/** How many pooled persons miss any of `variables`: every kind leaves them out and says so. */
const missingAny = (rows: readonly RegistryRow[], variables: (keyof RegistryRow)[]) =>
  rows.filter((r) => variables.some((v) => r[v] === null)).length;

function moments(values: number[]) {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { n, mean, variance };
}

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('a dataset registered from a flat file, across three nodes', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};
  let permitId: string;

  const admin = (node: string) => federation.token(`admin-${node}`, ['hdab-admin'], { hdab: node });

  async function putData(node: string, version: string, body: string, token?: string) {
    const res = await fetch(
      `${nodes[node]!.httpUrl}/v1/datasets/registry/versions/${version}/data`,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token ?? (await admin(node))}`,
          'content-type': 'text/csv',
          'content-disposition': `attachment; filename="registry-${node}.csv"`,
        },
        body,
      },
    );
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & {
        error?: { code: string; message: string; details?: { problems?: unknown[] } };
      },
    };
  }

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR', 'NL']);
    for (const id of NODES) {
      nodes[id] = await federation.start(id, { SWEEP_INTERVAL_MS: '250' });
      const dictionary = await callNode(
        nodes[id]!,
        'PUT',
        '/v1/datasets/registry/versions/2024.1/dictionary',
        await admin(id),
        REGISTRY_DICTIONARY,
      );
      expect(dictionary.status).toBe(201);
      const registered = await putData(id, '2024.1', registryCsv(ROWS[id]!));
      expect(registered).toMatchObject({
        status: 201,
        body: { dataset: 'registry', version: '2024.1', persons: ROWS[id]!.length },
      });
    }
    permitId = await grantedPermit(federation, nodes, {
      lead: 'de',
      datasets: NODES.map((node) => ({ node, dataset: 'registry', variables: REGISTRY_VARIABLES })),
      analysisKinds: [
        'count',
        'summary',
        'histogram',
        'linear-regression',
        'logistic-regression',
        'kaplan-meier',
        'cox-regression',
      ],
    });
  }, 120_000);

  afterAll(() => federation?.stop());

  const alice = () => federation.token('alice', ['researcher'], { now: nodes.de!.clock.now() });

  async function run(kind: string, params: Record<string, unknown>): Promise<JobView> {
    const submitted = await callNode<{ id: string }>(nodes.de!, 'POST', '/v1/jobs', await alice(), {
      permitId,
      kind,
      params: { dataset: 'registry', ...params },
    });
    expect(submitted.status).toBe(202);
    const job = await eventually(async () => {
      const view = await callNode<JobView>(
        nodes.de!,
        'GET',
        `/v1/jobs/${submitted.body.id}`,
        await alice(),
      );
      return view.body.status !== 'RUNNING' ? view.body : undefined;
    }, 60_000);
    expect(job.status).toBe('COMPLETE');
    return job;
  }

  it('is published in every node’s catalogue as a registered file with its version and dictionary', async () => {
    const res = await fetch(`${nodes.fr!.httpUrl}/v1/catalogue/federated`);
    const catalogue = (await res.json()) as {
      'dcat:catalog': { 'dcat:dataset': Record<string, unknown>[] }[];
    };
    const datasets = catalogue['dcat:catalog'].flatMap((c) => c['dcat:dataset']);
    expect(datasets.map((d) => d['dct:identifier']).sort()).toEqual([
      'de:registry',
      'fr:registry',
      'nl:registry',
    ]);
    for (const dataset of datasets) {
      expect(dataset).toMatchObject({
        'dct:title': 'Cancer registry (test)',
        'dcat:version': '2024.1',
        'dct:provenance': { 'rdfs:label': expect.stringContaining('person-level file') as string },
      });
      const columns = (dataset['csvw:tableSchema'] as { 'csvw:column': Record<string, unknown>[] })[
        'csvw:column'
      ];
      expect(columns.map((c) => [c['csvw:name'], c['csvw:required'] ?? false])).toEqual([
        ['age', true],
        ['bmi', false],
        ['smoker', false],
        ['diagnosed', true],
        ['stage', true],
        ['region', false],
        ['followup_days', true],
        ['died', true],
      ]);
    }
  });

  it('gets a workspace of pseudonyms at each node, the source identifiers nowhere in it', async () => {
    for (const id of NODES) {
      const db = nodes[id]!.app.get(DataSource);
      const schema = `ws_${permitId.replace(/-/g, '')}`;
      const rows = (await db.query(`SELECT * FROM "${schema}".registry`)) as Record<
        string,
        unknown
      >[];
      expect(rows).toHaveLength(ROWS[id]!.length);
      expect(Object.keys(rows[0]!).sort()).toEqual(['pseudonym', ...REGISTRY_VARIABLES].sort());
      // HMAC-SHA-256, stored as its 32 bytes.
      expect(
        rows.every((r) => r.pseudonym instanceof Uint8Array && r.pseudonym.length === 32),
      ).toBe(true);
      expect(JSON.stringify(rows)).not.toContain('P-0');
      const [missing] = (await db.query(
        `SELECT count(*) FILTER (WHERE bmi IS NULL) AS bmi, count(*) FILTER (WHERE smoker IS NULL) AS smoker
         FROM "${schema}".registry`,
      )) as { bmi: string; smoker: string }[];
      expect(missing).toEqual({
        bmi: String(ROWS[id]!.filter((r) => r.bmi === null).length),
        smoker: String(ROWS[id]!.filter((r) => r.smoker === null).length),
      });
    }
  });

  it('counts persons by smoking, and by stage among smokers, as the pooled complete cases do', async () => {
    const bySmoking = await run('count', { groupBy: ['smoker'] });
    expect(bySmoking.result!.result).toEqual({
      groupBy: ['smoker'],
      cells: [false, true].map((smoker) => ({
        key: [smoker],
        count: pooled().filter((r) => r.smoker === smoker).length,
      })),
      total: pooled().filter((r) => r.smoker !== null).length,
      excluded: { count: missingAny(pooled(), ['smoker']), withheldAt: 0 },
    });
    const cells = (job: JobView) =>
      (job.result!.result as { cells: { key: unknown[]; count: number }[] }).cells;
    const filters = [{ variable: 'smoker', op: 'eq', value: true }];
    const byStage = await run('count', { groupBy: ['stage'], filters });
    expect(cells(byStage)).toEqual(
      ['I', 'II', 'III'].map((stage) => ({
        key: [stage],
        count: pooled().filter((r) => r.stage === stage && r.smoker === true).length,
      })),
    );
    expect(byStage.result!.result).toMatchObject({ excluded: { count: 0, withheldAt: 0 } });
  });

  it('summarises a number with missing values over the complete cases, by group and with a date filter', async () => {
    const filters = [{ variable: 'diagnosed', op: 'ge', value: '2017-01-01' }];
    const job = await run('summary', { variable: 'bmi', groupBy: ['region'], filters });
    const { groups, excluded } = job.result!.result as {
      groups: { key: unknown[]; n: number; mean: number; variance: number }[];
      excluded: unknown;
    };
    const inFilter = pooled().filter((r) => r.diagnosed >= '2017-01-01');
    expect(excluded).toEqual({ count: missingAny(inFilter, ['bmi', 'region']), withheldAt: 0 });
    for (const region of ['north', 'south']) {
      const expected = moments(
        pooled()
          .filter((r) => r.diagnosed >= '2017-01-01' && r.region === region && r.bmi !== null)
          .map((r) => r.bmi!),
      );
      const group = groups.find((g) => g.key[0] === region)!;
      expect(group.n).toBe(expected.n);
      expectClose(group.mean, expected.mean);
      expectClose(group.variance, expected.variance);
    }
  });

  it('bins an integer and a number with missing values as the pooled complete cases do', async () => {
    const ages = await run('histogram', { variable: 'age', edges: [20, 40, 60, 80, 100] });
    expect((ages.result!.result as { counts: number[] }).counts).toEqual(
      [20, 40, 60, 80].map(
        (low) => pooled().filter((r) => r.age >= low && r.age < low + 20).length,
      ),
    );
    const bmi = await run('histogram', { variable: 'bmi', edges: [15, 25, 30, 45] });
    const values = pooled()
      .map((r) => r.bmi)
      .filter((v): v is number => v !== null);
    expect(bmi.result!.result).toMatchObject({
      counts: [
        values.filter((v) => v >= 15 && v < 25).length,
        values.filter((v) => v >= 25 && v < 30).length,
        values.filter((v) => v >= 30 && v < 45).length,
      ],
      total: values.length,
      excluded: { count: missingAny(pooled(), ['bmi']), withheldAt: 0 },
    });
    expect(ages.result!.result).toMatchObject({ excluded: { count: 0, withheldAt: 0 } });
  });

  it('leaves the same persons out of every kind that uses a variable, and says how many', async () => {
    const excluded = { count: missingAny(pooled(), ['bmi']), withheldAt: 0 };
    const summary = (await run('summary', { variable: 'bmi' })).result!.result as {
      groups: { n: number }[];
      excluded: unknown;
    };
    const histogram = (await run('histogram', { variable: 'bmi', edges: [0, 100] })).result!
      .result as { total: number; excluded: unknown };
    const count = (await run('count', { groupBy: ['smoker'] })).result!.result as {
      total: number;
      excluded: { count: number };
    };
    expect(summary.excluded).toEqual(excluded);
    expect(histogram.excluded).toEqual(excluded);
    expect(summary.groups[0]!.n).toBe(pooled().length - excluded.count);
    expect(histogram.total).toBe(pooled().length - excluded.count);
    expect(count.total + count.excluded.count).toBe(pooled().length);
  });

  describe('models', () => {
    type Coefficients = { coefficients: { name: string; estimate: number }[] };
    const complete = (variables: (keyof RegistryRow)[]) =>
      pooled().filter((r) => variables.every((v) => r[v] !== null));
    const stageAndSmoking = (r: RegistryRow) => [
      1,
      r.age,
      r.stage === 'II' ? 1 : 0,
      r.stage === 'III' ? 1 : 0,
      r.smoker ? 1 : 0,
    ];

    it('fits a linear regression equal to the pooled least squares', async () => {
      const job = await run('linear-regression', {
        outcome: 'bmi',
        predictors: ['age', 'stage', 'smoker'],
      });
      const result = job.result!.result as Coefficients & { n: number; excluded: unknown };
      const rows = complete(['bmi', 'age', 'stage', 'smoker']);
      const x = rows.map(stageAndSmoking);
      const expected = solve(
        crossProduct(x, x),
        x[0]!.map((_, j) => rows.reduce((sum, r, i) => sum + x[i]![j]! * r.bmi!, 0)),
      );
      expect(result.coefficients.map((c) => c.name)).toEqual([
        '(Intercept)',
        'age',
        'stage=II',
        'stage=III',
        'smoker=true',
      ]);
      result.coefficients.forEach((c, j) => expectClose(c.estimate, expected[j]!));
      expect(result.n).toBe(rows.length);
      expect(result.excluded).toEqual({ count: pooled().length - rows.length, withheldAt: 0 });
    });

    it('fits a logistic regression equal to the pooled maximum likelihood', async () => {
      const job = await run('logistic-regression', {
        outcome: 'died',
        predictors: ['age', 'stage', 'smoker'],
      });
      const result = job.result!.result as Coefficients & { converged: boolean; excluded: unknown };
      const rows = complete(['age', 'stage', 'smoker']);
      const x = rows.map(stageAndSmoking);
      let beta = x[0]!.map(() => 0);
      for (let round = 0; round < 25; round++) {
        const p = x.map((xi) => 1 / (1 + Math.exp(-xi.reduce((s, v, j) => s + v * beta[j]!, 0))));
        const gradient = beta.map((_, j) =>
          rows.reduce((s, r, i) => s + x[i]![j]! * ((r.died ? 1 : 0) - p[i]!), 0),
        );
        const weighted = x.map((xi, i) => xi.map((v) => v * p[i]! * (1 - p[i]!)));
        const step = solve(crossProduct(x, weighted), gradient);
        beta = beta.map((b, j) => b + step[j]!);
      }
      expect(result.converged).toBe(true);
      result.coefficients.forEach((c, j) =>
        expect(Math.abs(c.estimate - beta[j]!)).toBeLessThanOrEqual(1e-6),
      );
      expect(result.excluded).toEqual({ count: pooled().length - rows.length, withheldAt: 0 });
    });

    it('estimates survival in bins equal to the pooled Kaplan–Meier', async () => {
      const bins = [0, 200, 400, 600];
      const job = await run('kaplan-meier', { time: 'followup_days', event: 'died', bins });
      const { curves, excluded } = job.result!.result as {
        curves: {
          bins: { atRisk: number; events: number; censored: number; survival: number }[];
        }[];
        excluded: unknown;
      };
      let survival = 1;
      const expected = bins.slice(0, -1).map((from, i) => {
        const inBin = pooled().filter(
          (r) => r.followupDays >= from && r.followupDays < bins[i + 1]!,
        );
        const atRisk = pooled().filter((r) => r.followupDays >= from).length;
        const events = inBin.filter((r) => r.died).length;
        survival *= 1 - events / atRisk;
        return { atRisk, events, censored: inBin.length - events, survival };
      });
      expect(curves).toHaveLength(1);
      curves[0]!.bins.forEach((bin, i) => {
        expect(bin).toMatchObject({
          atRisk: expected[i]!.atRisk,
          events: expected[i]!.events,
          censored: expected[i]!.censored,
        });
        expectClose(bin.survival, expected[i]!.survival);
      });
      expect(excluded).toEqual({ count: 0, withheldAt: 0 });
    });

    it('fits a Cox regression stratified by node over the complete cases', async () => {
      const job = await run('cox-regression', {
        time: 'followup_days',
        event: 'died',
        predictors: ['age', 'smoker'],
      });
      const result = job.result!.result as Coefficients & { converged: boolean; excluded: unknown };
      expect(result.converged).toBe(true);
      expect(result.coefficients.map((c) => c.name)).toEqual(['age', 'smoker=true']);
      // The generated hazard rises by 2 % a year of age and by e^0.3 for smokers.
      expect(result.coefficients[0]!.estimate).toBeGreaterThan(0);
      expect(result.coefficients[1]!.estimate).toBeGreaterThan(0);
      expect(result.excluded).toEqual({ count: missingAny(pooled(), ['smoker']), withheldAt: 0 });
    });
  });

  describe('registration over REST', () => {
    it('is for hdab-admins of this node only', async () => {
      const researcher = await federation.token('alice', ['researcher']);
      expect((await putData('de', '2025', 'patient\n', researcher)).status).toBe(403);
      const frAdmin = await admin('fr');
      const reply = await callNode(
        nodes.de!,
        'PUT',
        '/v1/datasets/registry/versions/2025/dictionary',
        frAdmin,
        REGISTRY_DICTIONARY,
      );
      expect(reply).toMatchObject({ status: 403, body: { error: { code: 'REQUEST.FORBIDDEN' } } });
    });

    it('needs the dictionary first, a text/csv body and a new version', async () => {
      expect(await putData('de', '2025', 'patient\n')).toMatchObject({
        status: 404,
        body: { error: { code: 'DATASET.NOT_FOUND' } },
      });
      const again = await callNode(
        nodes.de!,
        'PUT',
        '/v1/datasets/registry/versions/2024.1/dictionary',
        await admin('de'),
        REGISTRY_DICTIONARY,
      );
      expect(again).toMatchObject({ status: 409, body: { error: { code: 'DATASET.CONFLICT' } } });
      const json = await callNode(
        nodes.de!,
        'PUT',
        '/v1/datasets/registry/versions/2025/data',
        await admin('de'),
        { rows: [] },
      );
      expect(json).toMatchObject({ status: 400, body: { error: { code: 'REQUEST.INVALID' } } });
    });

    it('refuses a bad file naming its lines, keeps the version in use, then takes the corrected file', async () => {
      const token = await admin('nl');
      const dictionary = await callNode(
        nodes.nl!,
        'PUT',
        '/v1/datasets/registry/versions/2025/dictionary',
        token,
        REGISTRY_DICTIONARY,
      );
      expect(dictionary.status).toBe(201);
      const good = registryCsv(ROWS.nl!);
      const lines = good.split('\r\n');
      lines[3] = lines[3]!.replace(/,(I|II|III),/, ',IV,');
      lines[5] = lines[1]!;
      const refused = await putData('nl', '2025', lines.join('\r\n'), token);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: 'DATASET.INVALID',
        details: {
          problems: [
            {
              file: 'registry-nl.csv',
              line: 4,
              column: 'stage',
              problem: 'must be one of its levels (I, II, III)',
            },
            {
              file: 'registry-nl.csv',
              line: 6,
              column: 'patient',
              problem: 'repeats the person identifier of line 2',
            },
          ],
        },
      });
      const version = async () =>
        (
          (await (await fetch(`${nodes.nl!.httpUrl}/v1/catalogue`)).json()) as {
            'dcat:dataset': Record<string, unknown>[];
          }
        )['dcat:dataset'][0]!['dcat:version'];
      expect(await version()).toBe('2024.1');
      const count = await run('count', {});
      expect(count.result!.result).toMatchObject({ total: pooled().length });

      const corrected = await putData('nl', '2025', good, token);
      expect(corrected).toMatchObject({
        status: 201,
        body: { version: '2025', previousVersion: '2024.1', persons: ROWS.nl!.length },
      });
      expect(await version()).toBe('2025');
    });
  });
});

/** XᵀY for rows of X and Y. */
function crossProduct(x: number[][], y: number[][]): number[][] {
  return x[0]!.map((_, j) =>
    y[0]!.map((__, k) => x.reduce((sum, row, i) => sum + row[j]! * y[i]![k]!, 0)),
  );
}

/** Solves A b = c by Gauss–Jordan elimination with partial pivoting. */
function solve(a: number[][], c: number[]): number[] {
  const m = a.map((row, i) => [...row, c[i]!]);
  const n = c.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
