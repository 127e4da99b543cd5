import { DomainError } from '../../../../../shared/errors';
import { oneRound, RULES, SUPPRESSION_CASES, sum } from '../testing/synthetic-nodes';
import {
  keeps,
  SURVIVAL_COLUMNS as COLUMNS,
  SURVIVAL_TABLE as TABLE,
  type SurvivalRow,
  survivalNodes,
  valueOf,
} from '../testing/survival-nodes';
import {
  type KaplanMeierContribution,
  kaplanMeierKind as kaplanMeierModule,
  type KaplanMeierParams,
} from '.';

const kaplanMeierKind = oneRound(kaplanMeierModule);

const params = (input: unknown): KaplanMeierParams => kaplanMeierKind.params.parse(input);

const Z = 1.959963984540054;

const used = (p: KaplanMeierParams) => [p.time, p.event, ...(p.strata ? [p.strata] : [])];

/**
 * What the node's statement returns on these rows, as the driver hands it
 * over: GROUP BY stratum (null too) and width_bucket (null for a missing
 * time: the edges at or below the time otherwise), count(*) and the counts
 * FILTERed on the event being true and false (a missing event is neither).
 */
function statementRows(
  rows: readonly SurvivalRow[],
  p: KaplanMeierParams,
): Record<string, unknown>[] {
  const groups = new Map<string, Record<string, unknown>>();
  for (const row of rows.filter((r) => keeps(r, p.filters))) {
    const t = valueOf(row, p.time) as number | null;
    const died = valueOf(row, p.event) as boolean | null;
    const bucket = t === null ? null : p.bins.filter((edge) => edge <= t).length;
    const stratum = p.strata === undefined ? {} : { g0: valueOf(row, p.strata) };
    const id = JSON.stringify([stratum, bucket]);
    const group = groups.get(id) ?? { ...stratum, bucket, rows: 0, events: 0, censored: 0 };
    group.rows = (group.rows as number) + 1;
    if (died === true) group.events = (group.events as number) + 1;
    if (died === false) group.censored = (group.censored as number) + 1;
    groups.set(id, group);
  }
  // The driver returns counts (bigint) as text.
  return [...groups.values()].map((group) => ({
    ...group,
    rows: String(group.rows),
    events: String(group.events),
    censored: String(group.censored),
  }));
}

interface Expected {
  atRisk: number;
  events: number;
  censored: number;
  survival: number | null;
  variance: number | null;
  lower: number | null;
  upper: number | null;
}

/** The binned Kaplan–Meier of pooled (time, died) pairs, straight from its definition. */
function pooledBinnedCurve(
  pairs: readonly { t: number; died: boolean }[],
  bins: readonly number[],
): Expected[] {
  const expected: Expected[] = [];
  let s: number | null = 1;
  let sumTerms = 0;
  for (let j = 0; j + 1 < bins.length; j++) {
    const inBin = pairs.filter(({ t }) => bins[j] <= t && t < bins[j + 1]);
    const n = pairs.filter(({ t }) => t >= bins[j]).length;
    const d = inBin.filter(({ died }) => died).length;
    const c = inBin.length - d;
    if (s === null || n === 0) {
      s = null;
      expected.push({ atRisk: n, events: d, censored: c, ...UNDEFINED });
      continue;
    }
    s = s * ((n - d) / n);
    sumTerms += d === 0 ? 0 : d / (n * (n - d));
    if (s === 0) {
      expected.push({ atRisk: n, events: d, censored: c, survival: 0, ...NO_VARIANCE });
      continue;
    }
    expected.push({
      atRisk: n,
      events: d,
      censored: c,
      survival: s,
      variance: s ** 2 * sumTerms,
      lower: Math.exp(Math.log(s) - Z * Math.sqrt(sumTerms)),
      upper: Math.min(1, Math.exp(Math.log(s) + Z * Math.sqrt(sumTerms))),
    });
  }
  return expected;
}

const NO_VARIANCE = { variance: null, lower: null, upper: null };
const UNDEFINED = { survival: null, ...NO_VARIANCE };

function expectClose(actual: number | null, expected: number | null): void {
  if (expected === null || actual === null) {
    expect(actual).toBe(expected);
    return;
  }
  const close = Math.abs(actual - expected) <= 1e-10 * Math.max(Math.abs(expected), 1e-300);
  if (!close) expect(actual).toBe(expected);
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

describe('kaplan-meier', () => {
  const nodes = survivalNodes(2024);
  const pooled = nodes.flat();

  it.each([
    { time: 'days', bins: [0, 90, 180, 365, 730, 1095, 1460, 1500], strata: 'sex', filters: [] },
    {
      time: 'days',
      bins: [0, 200, 400, 800, 1600],
      strata: 'diabetes',
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    },
    { time: 'months', bins: [0, 6, 12, 18.5, 24, 36, 48, 49.3], filters: [] },
    {
      time: 'days',
      bins: [100, 365, 730],
      strata: 'smoker',
      filters: [{ variable: 'sex', op: 'ne', value: 'male' }],
    },
  ])(
    'pools $time binned at $bins by $strata as on the pooled binned data',
    ({ strata, ...input }) => {
      const p = params({ dataset: 'followup', event: 'died', ...input, strata });
      const contributions = nodes.map((rows) => kaplanMeierKind.read(p, statementRows(rows, p)));
      const released = contributions.map((c) => kaplanMeierKind.suppress(c, RULES));

      const result = kaplanMeierKind.combine(p, released, COLUMNS);

      const kept = pooled.filter((row) => keeps(row, p.filters));
      const complete = kept.filter((row) => used(p).every((name) => valueOf(row, name) !== null));
      const column = COLUMNS.find((c) => c.name === strata);
      const levels = !column ? [[]] : (column.levels ?? [false, true]).map((level) => [level]);
      expect(result.curves.map((curve) => curve.key)).toEqual(levels);
      for (const curve of result.curves) {
        const members = complete.filter((row) => !strata || valueOf(row, strata) === curve.key[0]);
        const pairs = members.map((row) => ({
          t: valueOf(row, p.time) as number,
          died: valueOf(row, p.event) as boolean,
        }));
        const expected = pooledBinnedCurve(pairs, p.bins);
        expect(curve.below).toBe(pairs.filter(({ t }) => t < p.bins[0]).length);
        expect(curve.bins.map((bin) => [bin.from, bin.to])).toEqual(
          p.bins.slice(1).map((to, j) => [p.bins[j], to]),
        );
        curve.bins.forEach((bin, j) => {
          expect([bin.atRisk, bin.events, bin.censored]).toEqual([
            expected[j].atRisk,
            expected[j].events,
            expected[j].censored,
          ]);
          expectClose(bin.survival, expected[j].survival);
          expectClose(bin.variance, expected[j].variance);
          expectClose(
            bin.se,
            expected[j].variance === null ? null : Math.sqrt(expected[j].variance),
          );
          expectClose(bin.lower, expected[j].lower);
          expectClose(bin.upper, expected[j].upper);
        });
      }
      expect(sum(released.map((c) => kaplanMeierKind.persons(c)))).toBe(complete.length);
      const perNode = nodes.map(
        (rows) =>
          rows.filter(
            (row) => keeps(row, p.filters) && used(p).some((name) => valueOf(row, name) === null),
          ).length,
      );
      expect(contributions.map((c) => c.excluded)).toEqual(perNode);
      expect(result.excluded.count + sum(perNode.filter((m) => m > 0 && m < 10))).toBe(
        kept.length - complete.length,
      );
      expect(result).toMatchObject({
        time: p.time,
        event: 'died',
        strata: strata ?? null,
        bins: p.bins,
      });
      expect(result.method.confidence).toMatchObject({ level: 0.95, transform: 'log' });
    },
  );

  it('has the shapes the specs rely on: ties, a level absent at one node, a node left empty', () => {
    const days = pooled.filter((row) => row.died === true).map((row) => row.days);
    expect(new Set(days).size).toBeLessThan(days.length);
    expect(nodes[1].some((row) => row.sex === 'other')).toBe(false);
    expect(nodes[2].length).toBeLessThan(20);
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      bins: [0, 365],
      strata: 'sex',
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    });
    expect(statementRows(nodes[2], p)).toEqual([]);
    expect(kaplanMeierKind.read(p, [])).toEqual({
      time: 'days',
      event: 'died',
      strata: ['sex'],
      bins: [0, 365],
      groups: [],
      excluded: 0,
    });
  });

  it('is the exact Kaplan–Meier, ties included, with one time per bin', () => {
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      bins: Array.from({ length: 101 }, (_, i) => i * 3),
      filters: [{ variable: 'days', op: 'lt', value: 300 }],
    });
    // Every time in the bins is a multiple of 3 here: one time per bin.
    const tripled = nodes.map((rows) =>
      rows.map((row) => ({
        ...row,
        days: row.days === null ? null : 3 * Math.floor(row.days / 3),
      })),
    );
    const result = kaplanMeierKind.combine(
      p,
      tripled.map((rows) => kaplanMeierKind.read(p, statementRows(rows, p))),
      COLUMNS,
    );
    const pairs = tripled
      .flat()
      .filter((row) => keeps(row, p.filters) && row.days !== null && row.died !== null)
      .map((row) => ({ t: row.days!, died: row.died! }));
    // Kaplan–Meier at each distinct event time: deaths at a time over all with that time or later.
    const eventTimes = [...new Set(pairs.filter((x) => x.died).map((x) => x.t))].sort(
      (a, b) => a - b,
    );
    expect(eventTimes.length).toBeGreaterThan(20);
    let s = 1;
    for (const t of eventTimes) {
      const n = pairs.filter((x) => x.t >= t).length;
      const d = pairs.filter((x) => x.t === t && x.died).length;
      s *= 1 - d / n;
      expectClose(result.curves[0].bins[t / 3].survival, s);
    }
  });

  it('gives S, Greenwood and the log interval by hand, and nothing past the last at risk', () => {
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      bins: [0, 10, 20, 30, 40],
    });
    const result = kaplanMeierKind.combine(
      p,
      [
        {
          time: 'days',
          event: 'died',
          strata: [],
          bins: [0, 10, 20, 30, 40],
          groups: [
            {
              key: [],
              below: 0,
              atRisk: [20, 15, 5, 0],
              events: [2, 5, 5, 0],
              censored: [3, 5, 0, 0],
            },
          ],
          excluded: 0,
        },
      ],
      COLUMNS,
    );
    const [first, second, third, fourth] = result.curves[0].bins;
    expect(first).toMatchObject({ from: 0, to: 10, atRisk: 20, events: 2, censored: 3 });
    expectClose(first.survival, 0.9);
    expectClose(first.variance, 0.81 * (2 / (20 * 18)));
    expectClose(first.lower, 0.9 * Math.exp(-Z * Math.sqrt(2 / 360)));
    expect(first.upper).toBe(1);
    expectClose(second.survival, 0.9 * (10 / 15));
    expectClose(second.variance, 0.36 * (2 / 360 + 5 / (15 * 10)));
    expectClose(second.upper, 0.6 * Math.exp(Z * Math.sqrt(2 / 360 + 5 / 150)));
    // Everyone left at risk dies: S is 0, its variance undefined.
    expect(third).toMatchObject({
      survival: 0,
      variance: null,
      se: null,
      lower: null,
      upper: null,
    });
    expect(fourth).toMatchObject({ atRisk: 0, survival: null, variance: null });
    expect(result.method.bins).toMatch(/counted at its end/);
  });

  it('lists every stratum, with no survival where no node had it', () => {
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      bins: [0, 100],
      strata: 'diabetes',
    });
    const result = kaplanMeierKind.combine(
      p,
      [
        {
          time: 'days',
          event: 'died',
          strata: ['diabetes'],
          bins: [0, 100],
          groups: [{ key: [true], below: 0, atRisk: [12], events: [3], censored: [0] }],
          excluded: null,
        },
      ],
      COLUMNS,
    );
    expect(
      result.curves.map((curve) => [curve.key, curve.bins[0].atRisk, curve.bins[0].survival]),
    ).toEqual([
      [[false], 0, null],
      [[true], 12, 0.75],
    ]);
    expect(result.excluded).toEqual({ count: 0, withheldAt: 1 });
  });

  it('reads buckets into risk sets, and missing values as persons left out', () => {
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      bins: [10, 20, 30],
      strata: 'sex',
    });
    expect(
      kaplanMeierKind.read(p, [
        { g0: 'female', bucket: 0, rows: '2', events: '1', censored: '1' },
        { g0: 'female', bucket: 1, rows: '7', events: '3', censored: '2' },
        { g0: 'female', bucket: 2, rows: '4', events: 1, censored: '3' },
        { g0: 'female', bucket: 3, rows: '6', events: '2', censored: '4' },
        { g0: 'female', bucket: null, rows: '3', events: '1', censored: '0' },
        { g0: null, bucket: 2, rows: '5', events: '5', censored: '0' },
        { g0: 'male', bucket: 3, rows: '1', events: '0', censored: '1' },
      ]),
    ).toEqual({
      time: 'days',
      event: 'died',
      strata: ['sex'],
      bins: [10, 20, 30],
      groups: [
        { key: ['female'], below: 2, atRisk: [15, 10], events: [3, 1], censored: [2, 3] },
        { key: ['male'], below: 0, atRisk: [1, 1], events: [0, 0], censored: [0, 0] },
      ],
      excluded: 2 + 3 + 5,
    });
    expect(() =>
      kaplanMeierKind.read(p, [{ g0: 'male', bucket: 4, rows: '1', events: '1', censored: '0' }]),
    ).toThrow(/beyond the last edge/);
    expect(() =>
      kaplanMeierKind.read(p, [{ g0: 'male', bucket: 1, rows: '1', events: '1', censored: '1' }]),
    ).toThrow(/more than rows/);
    expect(() =>
      kaplanMeierKind.read(p, [{ g0: 'male', bucket: 1, rows: 'x', events: '1', censored: '1' }]),
    ).toThrow(/not a whole number/);
  });

  describe('contributions that do not fit', () => {
    const p = params({ dataset: 'followup', time: 'days', event: 'died', bins: [0, 10, 20] });
    const fitting: KaplanMeierContribution = {
      time: 'days',
      event: 'died',
      strata: [],
      bins: [0, 10, 20],
      groups: [{ key: [], below: 0, atRisk: [30, 20], events: [5, 5], censored: [5, 5] }],
      excluded: 0,
    };
    const combine = (contribution: unknown) =>
      kaplanMeierKind.combine(p, [contribution as KaplanMeierContribution], COLUMNS);

    it('refuses other edges, another time, strata not asked for', () => {
      expect(() => combine({ ...fitting, bins: [0, 10, 30] })).toThrow(/asked-for edges/);
      expect(() => combine({ ...fitting, time: 'months' })).toThrow(/asked-for edges/);
      expect(() =>
        combine({ ...fitting, strata: ['sex'], groups: [{ ...fitting.groups[0], key: ['male'] }] }),
      ).toThrow(/not grouped by nothing/);
    });

    it('refuses risk sets that do not follow from the events and censored', () => {
      expect(() =>
        combine({ ...fitting, groups: [{ ...fitting.groups[0], atRisk: [30, 21] }] }),
      ).toThrow(/malformed/);
      expect(() =>
        combine({ ...fitting, groups: [{ ...fitting.groups[0], events: [5, 16] }] }),
      ).toThrow(/malformed/);
      expect(() => combine({ ...fitting, excluded: undefined })).toThrow(/malformed/);
      expect(combine(fitting).curves[0].bins.map((bin) => bin.survival)).toEqual([
        25 / 30,
        (25 / 30) * (15 / 20),
      ]);
    });
  });

  it('finds every count from 1 to 9 of every stratum and bin, and lets 10 and 0 pass', () => {
    const contribution: KaplanMeierContribution = {
      time: 'days',
      event: 'died',
      strata: ['sex'],
      bins: [0, 10, 20],
      groups: [
        { key: ['female'], below: 0, atRisk: [40, 20], events: [10, 10], censored: [10, 0] },
        { key: ['male'], below: 3, atRisk: [19, 10], events: [9, 0], censored: [0, 10] },
      ],
      excluded: 0,
    };
    expect(kaplanMeierKind.check(contribution, RULES)).toEqual([
      { rule: 'min-count', cell: 'sex=male:below', value: 3, threshold: 10 },
      { rule: 'min-count', cell: 'sex=male:[0,10):events', value: 9, threshold: 10 },
      // Rows until the events add up to 10 are no more released than the small counts.
      {
        rule: 'survival-events',
        cell: 'sex=male:[0,10):cumulative-events',
        value: 9,
        threshold: 10,
      },
      {
        rule: 'survival-events',
        cell: 'sex=male:[10,20):cumulative-events',
        value: 9,
        threshold: 10,
      },
    ]);
    expect(kaplanMeierKind.persons(contribution)).toBe(40 + 3 + 19);
    expect(
      kaplanMeierKind
        .check(
          {
            ...contribution,
            strata: [],
            groups: [{ ...contribution.groups[1], key: [], below: 0 }],
          },
          { ...RULES, minCount: 20 },
        )
        .map((finding) => finding.cell),
    ).toEqual([
      '[0,10):at-risk',
      '[0,10):events',
      '[10,20):at-risk',
      '[10,20):censored',
      '[0,10):cumulative-events',
      '[10,20):cumulative-events',
    ]);
  });

  describe('suppress', () => {
    const contribution: KaplanMeierContribution = {
      time: 'days',
      event: 'died',
      strata: [],
      bins: [0, 10],
      groups: [{ key: [], below: 0, atRisk: [40], events: [12], censored: [10] }],
      excluded: 0,
    };

    it.each(SUPPRESSION_CASES)(
      'releases $excluded persons left out as $released, the counts untouched',
      ({ excluded, released }) => {
        expect(kaplanMeierKind.suppress({ ...contribution, excluded }, RULES)).toEqual({
          ...contribution,
          excluded: released,
        });
      },
    );
  });

  it('runs one statement with every value bound', () => {
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      bins: [0, 365, 730],
      strata: 'sex',
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    });
    expect(kaplanMeierKind.local(p, TABLE)).toEqual({
      sql: 'SELECT "sex" AS g0, width_bucket("days"::double precision, $1::double precision[]) AS bucket, count(*) AS rows, count(*) FILTER (WHERE "died") AS events, count(*) FILTER (WHERE NOT "died") AS censored FROM "ws_1"."followup" WHERE "age" >= $2::integer GROUP BY 1, 2',
      values: [[0, 365, 730], 40],
    });
    expect(
      kaplanMeierKind.local(
        params({ dataset: 'followup', time: 'months', event: 'died', bins: [0, 12] }),
        TABLE,
      ),
    ).toEqual({
      sql: 'SELECT width_bucket("months"::double precision, $1::double precision[]) AS bucket, count(*) AS rows, count(*) FILTER (WHERE "died") AS events, count(*) FILTER (WHERE NOT "died") AS censored FROM "ws_1"."followup" GROUP BY 1',
      values: [[0, 12]],
    });
  });

  it('names every variable it uses, filters included', () => {
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      bins: [0, 1],
      strata: 'sex',
      filters: [{ variable: 'visit', op: 'ge', value: '2020-01-01' }],
    });
    expect(kaplanMeierKind.variables(p)).toEqual(['days', 'died', 'sex', 'visit']);
  });

  describe('parameters', () => {
    const parses = (input: object) =>
      kaplanMeierKind.params.safeParse({
        dataset: 'followup',
        time: 'days',
        event: 'died',
        ...input,
      }).success;

    it('takes strictly increasing edges from 0 or later', () => {
      expect(parses({ bins: [0, 30] })).toBe(true);
      expect(parses({ bins: [0.5, 30, 60.25] })).toBe(true);
      expect(parses({ bins: [-1, 30] })).toBe(false);
      expect(parses({ bins: [0, 30, 30] })).toBe(false);
      expect(parses({ bins: [0] })).toBe(false);
      expect(parses({ bins: [0, Infinity] })).toBe(false);
      expect(parses({ bins: Array.from({ length: 102 }, (_, i) => i) })).toBe(false);
    });

    it.each([
      [{ time: 'sex' }, 'time needs an integer or number variable; sex is category'],
      [{ event: 'age' }, 'event needs a boolean variable; age is integer'],
      [{ strata: 'bmi' }, 'strata needs a category or boolean variable; bmi is number'],
    ])('refuses %j', (input, message) => {
      const error = refusal(() =>
        kaplanMeierKind.validate(
          params({ dataset: 'followup', time: 'days', event: 'died', bins: [0, 1], ...input }),
          COLUMNS,
        ),
      );
      expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
      expect(error.message).toBe(message);
    });

    it('refuses an unknown variable', () => {
      const error = refusal(() =>
        kaplanMeierKind.validate(
          params({ dataset: 'followup', time: 'weeks', event: 'died', bins: [0, 1] }),
          COLUMNS,
        ),
      );
      expect(error.code).toBe('ANALYSIS.UNKNOWN_VARIABLE');
    });
  });
});
