/**
 * A job's pooled result as CSV: the table each kind's result is made of
 * (cells, groups, bins, coefficients or curve bins), one row each, the
 * columns named as in the JSON result.
 */
export function resultCsv(kind: string, result: unknown): string {
  const r = result as Record<string, unknown>;
  const keyed = (names: string[], rows: { key: unknown[] }[], fields: string[]) =>
    csv(
      [...names, ...fields],
      rows.map((row) => [...row.key, ...fields.map((f) => (row as Record<string, unknown>)[f])]),
    );
  switch (kind) {
    case 'count':
      return keyed(r.groupBy as string[], r.cells as { key: unknown[] }[], ['count']);
    case 'summary':
      return keyed(r.groupBy as string[], r.groups as { key: unknown[] }[], [
        'n',
        'mean',
        'variance',
        'sd',
      ]);
    case 'histogram': {
      const edges = r.edges as number[];
      const counts = r.counts as number[];
      return csv(
        ['from', 'to', 'count'],
        [
          ['', edges[0], r.below],
          ...counts.map((c, i) => [edges[i], edges[i + 1], c]),
          [edges.at(-1), '', r.above],
        ],
      );
    }
    case 'linear-regression':
    case 'logistic-regression':
    case 'cox-regression': {
      const coefficients = r.coefficients as Record<string, unknown>[];
      const fields = Object.keys(coefficients[0] ?? { name: '' });
      return csv(
        fields,
        coefficients.map((c) => fields.map((f) => c[f])),
      );
    }
    case 'kaplan-meier': {
      const curves = r.curves as { key: unknown[]; bins: Record<string, unknown>[] }[];
      const fields = [
        'from',
        'to',
        'atRisk',
        'events',
        'censored',
        'survival',
        'variance',
        'se',
        'lower',
        'upper',
      ];
      return csv(
        [String(r.strata ?? 'stratum'), ...fields],
        curves.flatMap((c) =>
          c.bins.map((b) => [c.key.map(String).join('/'), ...fields.map((f) => b[f])]),
        ),
      );
    }
    default:
      throw new Error(`No CSV form for a ${kind} result`);
  }
}

function csv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [headers, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
