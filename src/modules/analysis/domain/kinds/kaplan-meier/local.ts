import type { LocalQuery, WorkspaceTable } from '../../analysis-kind';
import { isCompleteKey } from '../../complete-cases';
import { whereClause } from '../../filters';
import { keyIdOf } from '../../group-keys';
import { groupingSql, groupKeyFromRow } from '../../grouping-sql';
import { wholeNumberFrom } from '../../row-values';
import { quoteIdent, SqlValues, statement } from '../../sql';
import type { KaplanMeierContribution, StratumCounts } from './contribution';
import { type KaplanMeierParams, strataOf } from './params';

/**
 * Per stratum and bucket (width_bucket: 0 before the first edge, i for the
 * i-th bin, the number of edges at or after the last), every row and its
 * events and censored times. A missing time has no bucket, a missing event
 * is neither event nor censored: both are persons left out.
 */
export function kaplanMeierQuery(params: KaplanMeierParams, table: WorkspaceTable): LocalQuery {
  const values = new SqlValues();
  const strata = strataOf(params);
  const grouping = groupingSql(strata);
  const time = quoteIdent(params.time);
  const event = quoteIdent(params.event);
  const bins = values.add(params.bins, 'double precision[]');
  const selected = [
    ...grouping.selected,
    `width_bucket(${time}::double precision, ${bins}) AS bucket`,
    'count(*) AS rows',
    `count(*) FILTER (WHERE ${event}) AS events`,
    `count(*) FILTER (WHERE NOT ${event}) AS censored`,
  ];
  const sql = statement(
    `SELECT ${selected.join(', ')}`,
    `FROM ${table.sqlName}`,
    whereClause(params.filters, table.columns, values),
    // By position: a workspace column may be called "bucket".
    `GROUP BY ${strata.length > 0 ? '1, 2' : '1'}`,
  );
  return { sql, values: values.values };
}

interface Buckets {
  readonly key: (string | boolean)[];
  readonly events: number[];
  readonly censored: number[];
}

export function readKaplanMeier(
  params: KaplanMeierParams,
  rows: readonly Record<string, unknown>[],
): KaplanMeierContribution {
  const strata = strataOf(params);
  const buckets = params.bins.length + 1;
  const byKey = new Map<string, Buckets>();
  let excluded = 0;
  for (const row of rows) {
    const key = groupKeyFromRow(row, strata.length);
    const all = wholeNumberFrom(row.rows, 'rows');
    const events = wholeNumberFrom(row.events, 'events');
    const censored = wholeNumberFrom(row.censored, 'censored');
    if (events + censored > all) {
      throw new Error(`events ${events} and censored ${censored} are more than rows ${all}`);
    }
    if (row.bucket === null || !isCompleteKey(key)) {
      excluded += all;
      continue;
    }
    const bucket = wholeNumberFrom(row.bucket, 'bucket');
    if (bucket >= buckets) throw new Error(`bucket ${bucket} is beyond the last edge`);
    // Rows with a time and a stratum but no event.
    excluded += all - events - censored;
    const id = keyIdOf(key);
    if (!byKey.has(id)) {
      byKey.set(id, {
        key,
        events: new Array<number>(buckets).fill(0),
        censored: new Array<number>(buckets).fill(0),
      });
    }
    const counts = byKey.get(id)!;
    counts.events[bucket] += events;
    counts.censored[bucket] += censored;
  }
  return {
    time: params.time,
    event: params.event,
    strata,
    bins: [...params.bins],
    groups: [...byKey.values()].map(stratumCountsOf),
    excluded,
  };
}

/** Those at risk at a bin's start are those in it and in every later bucket. */
function stratumCountsOf({ key, events, censored }: Buckets): StratumCounts {
  const bins = events.length - 2;
  const atRisk = new Array<number>(bins).fill(0);
  let later = events[bins + 1] + censored[bins + 1];
  for (let i = bins - 1; i >= 0; i--) {
    later += events[i + 1] + censored[i + 1];
    atRisk[i] = later;
  }
  return {
    key,
    below: events[0] + censored[0],
    atRisk,
    events: events.slice(1, -1),
    censored: censored.slice(1, -1),
  };
}
