import type { HistogramResult } from '../../modules/analysis/domain/kinds/histogram/combine';
import type { KaplanMeierResult } from '../../modules/analysis/domain/kinds/kaplan-meier/combine';
import { curveLabel } from './describe-result';
import { escapeHtml } from './escape-html';

const W = 560;
const H = 300;
const M = { left: 50, right: 20, top: 20, bottom: 40 };
const COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#8e44ad'];

/** Kaplan–Meier curves as steps (survival at each bin's end), with the axes labelled. */
export function kaplanMeierSvg(result: KaplanMeierResult): string {
  const maxT = result.bins.at(-1) ?? 1;
  const lowest = Math.min(...result.curves.flatMap((c) => c.bins.map((b) => b.survival ?? 1)));
  // The survival axis starts at the tenth below the lowest point, so that small drops show.
  const floor = Math.max(0, Math.floor(lowest * 10 - 1) / 10);
  const x = (t: number) => M.left + (t / maxT) * (W - M.left - M.right);
  const y = (s: number) => M.top + ((1 - s) / (1 - floor)) * (H - M.top - M.bottom);
  const paths = result.curves.map((curve, i) => {
    let d = `M${x(result.bins[0] ?? 0)},${y(1)}`;
    let s = 1;
    for (const bin of curve.bins) {
      const next = bin.survival ?? s;
      d += ` H${x(bin.to)} V${y(next)}`;
      s = next;
    }
    const label = curveLabel(result.strata, curve.key);
    return (
      `<path d="${d}" fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2"/>` +
      `<text x="${W - M.right - 150}" y="${M.top + 16 + i * 16}" fill="${COLOURS[i % COLOURS.length]}">${escapeHtml(label)}</text>`
    );
  });
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const s = floor + f * (1 - floor);
    return `<text x="${M.left - 8}" y="${y(s) + 4}" text-anchor="end">${s.toFixed(2)}</text>`;
  });
  const xTicks = result.bins.map(
    (t) =>
      `<text x="${x(t)}" y="${H - M.bottom + 16}" text-anchor="middle">${Math.round(t / 365.25)}</text>`,
  );
  return frame(
    `Kaplan–Meier estimate of ${result.event} over ${result.time}`,
    [
      ...axes(),
      ...yTicks,
      ...xTicks,
      ...paths,
      `<text x="${W / 2}" y="${H - 4}" text-anchor="middle">years (${escapeHtml(result.time)} / 365.25)</text>`,
    ].join(''),
  );
}

/** The pooled histogram's bins as bars (bins of unequal width drawn as density). */
export function histogramSvg(result: HistogramResult, variable: string): string {
  const lo = result.edges[0]!;
  const hi = result.edges.at(-1)!;
  const densities = result.counts.map((c, i) => c / (result.edges[i + 1]! - result.edges[i]!));
  const top = Math.max(...densities, 1e-9);
  const x = (v: number) => M.left + ((v - lo) / (hi - lo)) * (W - M.left - M.right);
  const y = (d: number) => M.top + (1 - d / top) * (H - M.top - M.bottom);
  const bars = result.counts.map((count, i) => {
    const x0 = x(result.edges[i]!);
    const x1 = x(result.edges[i + 1]!);
    return `<rect x="${x0}" y="${y(densities[i]!)}" width="${Math.max(x1 - x0 - 1, 1)}" height="${y(0) - y(densities[i]!)}" fill="#1f5fa8"><title>${escapeHtml(`[${result.edges[i]}, ${result.edges[i + 1]}): ${count}`)}</title></rect>`;
  });
  const xTicks = result.edges.map(
    (e) =>
      `<text x="${x(e)}" y="${H - M.bottom + 16}" text-anchor="middle">${escapeHtml(e)}</text>`,
  );
  return frame(
    `Histogram of ${variable}`,
    [
      ...axes(),
      ...bars,
      ...xTicks,
      `<text x="${W / 2}" y="${H - 4}" text-anchor="middle">${escapeHtml(variable)} (bar area: persons)</text>`,
    ].join(''),
  );
}

function axes(): string[] {
  return [
    `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#333"/>`,
  ];
}

function frame(title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" font-family="sans-serif" font-size="11">` +
    `<title>${escapeHtml(title)}</title>${body}</svg>`
  );
}
