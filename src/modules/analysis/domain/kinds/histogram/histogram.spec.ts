import { DomainError } from '../../../../../shared/errors';
import {
  COLUMNS,
  excludedAt,
  passesAll,
  type PersonRow,
  relativelyClose,
  releasedUnderRules,
  RULES,
  sum,
  SUPPRESSION_CASES,
  syntheticNodes,
  TABLE,
  oneRound,
} from '../testing/synthetic-nodes';
import {
  type HistogramContribution,
  histogramKind as histogramModule,
  type HistogramParams,
} from '.';

const histogramKind = oneRound(histogramModule);

const params = (input: unknown): HistogramParams => histogramKind.params.parse(input);

const valueOf = (row: PersonRow, p: HistogramParams) =>
  row[p.variable as keyof PersonRow] as number | null;

/** The values of the rows that pass the filters and have one: the complete cases. */
const valuesOf = (rows: readonly PersonRow[], p: HistogramParams): number[] =>
  rows
    .filter((row) => passesAll(row, p.filters))
    .map((row) => valueOf(row, p))
    .filter((x): x is number => x !== null);

/**
 * What the node's statement returns: width_bucket counts the edges at or
 * below the value, and is null for a missing value, which GROUP BY keeps.
 */
function statementRows(rows: readonly PersonRow[], p: HistogramParams): Record<string, unknown>[] {
  const counts = new Map<number | null, number>();
  for (const row of rows.filter((r) => passesAll(r, p.filters))) {
    const x = valueOf(row, p);
    const bin = x === null ? null : p.edges.filter((edge) => edge <= x).length;
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  return [...counts].map(([bin, n]) => ({ bin, n: String(n) }));
}

/** The histogram of the pooled values, bin by bin. */
function directHistogram(xs: readonly number[], edges: readonly number[]) {
  const last = edges[edges.length - 1];
  return {
    below: xs.filter((x) => x < edges[0]).length,
    counts: edges.slice(1).map((right, i) => xs.filter((x) => edges[i] <= x && x < right).length),
    above: xs.filter((x) => x >= last).length,
  };
}

/** The interpolation rule, from cumulative counts. */
function interpolatedQuantile(
  { below, counts, above }: { below: number; counts: number[]; above: number },
  edges: readonly number[],
  p: number,
): number | null {
  const total = below + counts.reduce((a, b) => a + b, 0) + above;
  const target = p * total;
  const cumulative = counts.map(
    (_, i) => below + counts.slice(0, i + 1).reduce((a, b) => a + b, 0),
  );
  const bin = counts.findIndex((count, i) => count > 0 && cumulative[i] >= target);
  if (total === 0 || target <= below || bin === -1) return null;
  const before = cumulative[bin] - counts[bin];
  return edges[bin] + ((target - before) / counts[bin]) * (edges[bin + 1] - edges[bin]);
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('histogram', () => {
  const nodes = syntheticNodes(99);
  const pooled = nodes.flat();

  it.each([
    {
      variable: 'bmi',
      edges: Array.from({ length: 11 }, (_, i) => 15 + 2.5 * i),
      quantiles: [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
      excluded: { count: 65, withheldAt: 0 },
    },
    {
      variable: 'age',
      edges: [18, 30, 40, 50, 65, 80],
      filters: [{ variable: 'sex', op: 'in', values: ['female', 'other'] }],
      excluded: { count: 0, withheldAt: 3 },
    },
    {
      variable: 'age',
      edges: [20, 35, 50, 90],
      filters: [],
      excluded: { count: 25, withheldAt: 1 },
    },
  ])(
    'pools $variable binned at $edges as binned on the pooled complete cases',
    ({ excluded, ...input }) => {
      const p = params({ dataset: 'cohort', ...input });
      const contributions = nodes.map((rows) => histogramKind.read(p, statementRows(rows, p)));
      const released = contributions.map((c) => histogramKind.suppress(c, RULES));
      const kept = pooled.filter((row) => passesAll(row, p.filters));
      const xs = valuesOf(pooled, p);
      expect(xs.some((x) => p.edges.includes(x))).toBe(true);

      const result = histogramKind.combine(p, released, COLUMNS);

      const direct = directHistogram(xs, p.edges);
      expect(result).toMatchObject({ variable: p.variable, edges: p.edges, ...direct });
      expect(result.total).toBe(xs.length);
      expect(sum(released.map((c) => histogramKind.persons(c)))).toBe(xs.length);
      expect(result.quantiles.map((q) => q.p)).toEqual(p.quantiles);
      for (const { p: share, value } of result.quantiles) {
        const expected = interpolatedQuantile(direct, p.edges, share);
        if (expected === null || value === null) expect(value).toBe(expected);
        else expect(relativelyClose(value, expected)).toBe(true);
      }

      const perNode = excludedAt(nodes, p.filters, [p.variable]);
      expect(contributions.map((c) => c.excluded)).toEqual(perNode);
      expect(released.map((c) => c.excluded)).toEqual(perNode.map(releasedUnderRules));
      const withheld = perNode.filter((m) => releasedUnderRules(m) === null);
      expect(result.excluded).toEqual({
        count: kept.length - xs.length - sum(withheld),
        withheldAt: withheld.length,
      });
      expect(result.excluded).toEqual(excluded);
    },
  );

  it('counts nothing where a node has no row to bin', () => {
    const p = params({
      dataset: 'cohort',
      variable: 'bmi',
      edges: [20, 25, 30],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    });
    expect(histogramKind.read(p, statementRows(nodes[2], p))).toEqual({
      variable: 'bmi',
      edges: [20, 25, 30],
      below: 0,
      counts: [0, 0],
      above: 0,
      excluded: 0,
    });
  });

  it('reads the bin of a missing value as persons left out', () => {
    const p = params({ dataset: 'cohort', variable: 'bmi', edges: [20, 25, 30] });
    expect(
      histogramKind.read(p, [
        { bin: 0, n: '3' },
        { bin: null, n: '4' },
        { bin: 1, n: 5 },
        { bin: 3, n: '2' },
      ]),
    ).toEqual({
      variable: 'bmi',
      edges: [20, 25, 30],
      below: 3,
      counts: [5, 0],
      above: 2,
      excluded: 4,
    });
    expect(histogramKind.read(p, [{ bin: null, n: '7' }])).toEqual({
      variable: 'bmi',
      edges: [20, 25, 30],
      below: 0,
      counts: [0, 0],
      above: 0,
      excluded: 7,
    });
    expect(() => histogramKind.read(p, [{ bin: null, n: 'many' }])).toThrow(/not a whole number/);
    expect(() => histogramKind.read(p, [{ bin: 4, n: '1' }])).toThrow(/beyond the last edge/);
  });

  it('pools the persons left out apart from the bins and their quantiles', () => {
    const p = params({ dataset: 'cohort', variable: 'bmi', edges: [0, 10, 20], quantiles: [0.5] });
    const bins = { variable: 'bmi', edges: [0, 10, 20], below: 0, counts: [2, 2], above: 0 };
    const result = histogramKind.combine(
      p,
      [
        { ...bins, excluded: 30 },
        { ...bins, excluded: null },
        { ...bins, excluded: 0 },
      ],
      COLUMNS,
    );
    expect(result).toEqual({
      variable: 'bmi',
      edges: [0, 10, 20],
      below: 0,
      counts: [6, 6],
      above: 0,
      total: 12,
      quantiles: [{ p: 0.5, value: 10 }],
      excluded: { count: 30, withheldAt: 1 },
    });
  });

  it('interpolates within the bin, and gives no quantile below or above the bins', () => {
    const p = params({ dataset: 'cohort', variable: 'bmi', edges: [0, 10, 20, 30] });
    const quantiles = (below: number, counts: number[], above: number, ps: number[]) =>
      histogramKind
        .combine(
          { ...p, quantiles: ps },
          [{ variable: 'bmi', edges: [0, 10, 20, 30], below, counts, above, excluded: 0 }],
          COLUMNS,
        )
        .quantiles.map((q) => q.value);
    expect(quantiles(0, [2, 0, 2], 0, [0.25, 0.5, 0.75])).toEqual([5, 10, 25]);
    expect(quantiles(1, [2, 0, 1], 1, [0.2, 0.5, 0.8, 0.9])).toEqual([null, 7.5, 30, null]);
    expect(quantiles(0, [0, 0, 0], 0, [0.5])).toEqual([null]);
  });

  it('refuses a contribution binned at other edges', () => {
    const p = params({ dataset: 'cohort', variable: 'bmi', edges: [0, 10, 20] });
    expect(() =>
      histogramKind.combine(
        p,
        [{ variable: 'bmi', edges: [0, 10, 30], below: 0, counts: [0, 0], above: 0, excluded: 0 }],
        COLUMNS,
      ),
    ).toThrow(/binned at the asked-for edges/);
  });

  it('refuses a contribution without a whole number of persons left out, or null', () => {
    const p = params({ dataset: 'cohort', variable: 'bmi', edges: [0, 10, 20] });
    const bins = { variable: 'bmi', edges: [0, 10, 20], below: 0, counts: [10, 20], above: 0 };
    const combine = (contribution: unknown) =>
      histogramKind.combine(p, [contribution as HistogramContribution], COLUMNS);
    expect(() => combine(bins)).toThrow(/malformed/);
    expect(() => combine({ ...bins, excluded: '12' })).toThrow(/malformed/);
    expect(combine({ ...bins, excluded: null }).excluded).toEqual({ count: 0, withheldAt: 1 });
  });

  it('finds a count of 9 below a minimum of 10, and lets 10 and 0 pass', () => {
    const contribution = {
      variable: 'bmi',
      edges: [20, 25, 30],
      below: 9,
      counts: [10, 0],
      above: 9,
      excluded: 0,
    };
    expect(histogramKind.check(contribution, RULES)).toEqual([
      { rule: 'min-count', cell: 'below', value: 9, threshold: 10 },
      { rule: 'min-count', cell: 'above', value: 9, threshold: 10 },
      { rule: 'zeros', cell: '[25,30)', value: 0, threshold: 0 },
    ]);
    expect(
      histogramKind.check({ ...contribution, below: 0, counts: [0, 9], above: 10 }, RULES),
    ).toEqual([
      { rule: 'min-count', cell: '[25,30)', value: 9, threshold: 10 },
      { rule: 'zeros', cell: '[20,25)', value: 0, threshold: 0 },
    ]);
    expect(histogramKind.persons(contribution)).toBe(28);
  });

  describe('suppress', () => {
    const contribution: HistogramContribution = {
      variable: 'bmi',
      edges: [20, 25, 30],
      below: 12,
      counts: [40, 35],
      above: 0,
      excluded: 0,
    };

    it.each(SUPPRESSION_CASES)(
      'releases $excluded persons left out as $released, the bins untouched',
      ({ excluded, released }) => {
        expect(histogramKind.suppress({ ...contribution, excluded }, RULES)).toEqual({
          ...contribution,
          excluded: released,
        });
      },
    );

    it('lets a contribution with a few persons left out pass the checks', () => {
      const small = histogramKind.suppress({ ...contribution, excluded: 3 }, RULES);
      expect(small.excluded).toBeNull();
      expect(histogramKind.check(small, RULES)).toEqual([]);
      expect(histogramKind.persons(small)).toBe(87);
    });
  });

  it('runs one statement with every value bound, binning missing values too', () => {
    const p = params({
      dataset: 'cohort',
      variable: 'age',
      edges: [18, 40, 65],
      filters: [{ variable: 'sex', op: 'eq', value: 'female' }],
    });
    expect(histogramKind.local(p, TABLE)).toEqual({
      sql: 'SELECT width_bucket("age"::double precision, $1::double precision[]) AS bin, count(*) AS n FROM "ws_1"."cohort" WHERE "sex" = $2::text GROUP BY 1',
      values: [[18, 40, 65], 'female'],
    });
    expect(
      histogramKind.local(params({ dataset: 'cohort', variable: 'bmi', edges: [20, 30] }), TABLE),
    ).toEqual({
      sql: 'SELECT width_bucket("bmi"::double precision, $1::double precision[]) AS bin, count(*) AS n FROM "ws_1"."cohort" GROUP BY 1',
      values: [[20, 30]],
    });
  });

  it('names every variable it uses, filters included', () => {
    const p = params({
      dataset: 'cohort',
      variable: 'age',
      edges: [18, 40],
      filters: [{ variable: 'diabetes', op: 'eq', value: true }],
    });
    expect(histogramKind.variables(p)).toEqual(['age', 'diabetes']);
  });

  describe('parameters', () => {
    const parses = (input: object) =>
      histogramKind.params.safeParse({ dataset: 'cohort', variable: 'bmi', ...input }).success;

    it('takes 2 to 101 strictly increasing finite edges', () => {
      expect(parses({ edges: [1, 2] })).toBe(true);
      expect(parses({ edges: [1] })).toBe(false);
      expect(parses({ edges: [1, 1, 2] })).toBe(false);
      expect(parses({ edges: [2, 1] })).toBe(false);
      expect(parses({ edges: [1, Infinity] })).toBe(false);
      expect(parses({ edges: Array.from({ length: 102 }, (_, i) => i) })).toBe(false);
    });

    it('takes quantiles strictly between 0 and 1, the quartiles by default', () => {
      expect(params({ dataset: 'cohort', variable: 'bmi', edges: [1, 2] }).quantiles).toEqual([
        0.25, 0.5, 0.75,
      ]);
      expect(parses({ edges: [1, 2], quantiles: [0] })).toBe(false);
      expect(parses({ edges: [1, 2], quantiles: [1] })).toBe(false);
    });

    it('refuses an unknown variable', () => {
      const error = refusal(() =>
        histogramKind.validate(
          params({ dataset: 'cohort', variable: 'weight', edges: [1, 2] }),
          COLUMNS,
        ),
      );
      expect(error.code).toBe('ANALYSIS.UNKNOWN_VARIABLE');
    });

    it('refuses binning a date', () => {
      const error = refusal(() =>
        histogramKind.validate(
          params({ dataset: 'cohort', variable: 'visit', edges: [1, 2] }),
          COLUMNS,
        ),
      );
      expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
      expect(error.message).toBe('variable needs an integer or number variable; visit is date');
    });

    it('refuses a date filter that is no real date', () => {
      const error = refusal(() =>
        histogramKind.validate(
          params({
            dataset: 'cohort',
            variable: 'bmi',
            edges: [1, 2],
            filters: [{ variable: 'visit', op: 'lt', value: '2023-02-29' }],
          }),
          COLUMNS,
        ),
      );
      expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
      expect(error.message).toBe('Filter on visit: "2023-02-29" is not a date (YYYY-MM-DD)');
    });
  });
});
