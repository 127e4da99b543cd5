import type { CountResult } from '../../modules/analysis/domain/kinds/count/combine';
import type { HistogramResult } from '../../modules/analysis/domain/kinds/histogram/combine';
import type { KaplanMeierResult } from '../../modules/analysis/domain/kinds/kaplan-meier/combine';
import type { LogisticRegressionResult } from '../../modules/analysis/domain/kinds/logistic-regression/combine';
import type { SummaryResult } from '../../modules/analysis/domain/kinds/summary/combine';
import { type DemoFacts, type DemoJob, workspaceRows } from './demo-facts';
import { curveLabel, fixed } from './describe-result';
import { escapeHtml as e } from './escape-html';
import { histogramSvg, kaplanMeierSvg } from './svg-charts';

/** The demo's report as one self-contained HTML page: no script, no link, every value escaped. */
export function renderReportHtml(facts: DemoFacts): string {
  const sections = [
    section(
      'The federation',
      table(
        ['node', 'country', 'REST API', 'synthetic persons', 'kept data'],
        facts.nodes.map((n) => {
          const data = facts.data.find((d) => d.node === n.id);
          return [
            n.id,
            n.country,
            n.httpUrl,
            data?.persons ?? '',
            data ? `${data.datasetCsv}, ${data.omopDir}` : '',
          ];
        }),
      ),
    ),
    section(
      '1. Request',
      `<p>${e(facts.researcher)} applied at ${e(facts.lead.toUpperCase())} on ${e(facts.application.receivedAt)}: <strong>${e(facts.application.title)}</strong> (purpose ${e(facts.application.purpose)}; ${e(facts.application.applicant.organisation)}).</p>` +
        table(
          ['HDAB', 'decision', 'reason', 'decided at'],
          facts.application.decisions.map((d) => [
            d.node,
            d.outcome,
            d.reason ?? '',
            d.decidedAt ?? '',
          ]),
        ),
    ),
    section(
      '2. The permit and its signatures',
      `<p>Permit ${e(facts.permit.id)}, valid ${e(facts.permit.validFrom ?? '')} to ${e(facts.permit.validUntil ?? '')}: one JWS (General JSON serialization) with a signature of every participating HDAB, each checked here against the key the node publishes.</p>` +
        table(
          ['HDAB', 'algorithm', 'key id', 'signature'],
          facts.permit.signatures.map((s) => [
            s.node,
            s.alg,
            s.kid,
            s.verified ? 'valid' : 'INVALID',
          ]),
        ) +
        `<details><summary>The permit's JWS</summary><pre>${e(JSON.stringify(facts.permit.jws, null, 2))}</pre></details>`,
    ),
    section('3. Use: the analyses', facts.jobs.map(jobSection).join('')),
    section(
      'The airlock',
      facts.airlock.length === 0
        ? '<p>Nothing was held.</p>'
        : table(
            ['node', 'job', 'findings', 'decision', 'by', 'reason'],
            facts.airlock.map((a) => [
              a.node,
              a.jobId,
              a.findings
                .map(
                  (f) =>
                    `${f.rule} ${f.cell ?? ''}: ${f.value ?? ''} < ${f.threshold ?? ''} (${f.outcome})`,
                )
                .join('; '),
              a.decision,
              a.reviewer,
              a.reason,
            ]),
          ),
    ),
    section(
      '4–5. Archive and destruction',
      `<p>Closed at ${e(facts.lifecycle.closedAt)}; a job submitted afterwards was refused with ${e(facts.lifecycle.refusedAfterClosure ?? '–')}. Each node destroyed the workspace and the pseudonym secret and signed a destruction record.</p>` +
        table(
          [
            'node',
            'destroyed at',
            'workspace rows dropped',
            'unreleased outputs',
            'record signature',
          ],
          facts.lifecycle.destruction.map((d) => [
            d.node,
            d.destroyedAt ?? '',
            workspaceRows(d.content),
            String(d.content.unreleasedOutputs ?? ''),
            d.verified ? 'valid' : 'INVALID',
          ]),
        ) +
        facts.lifecycle.destruction
          .map(
            (d) =>
              `<details><summary>${e(d.node.toUpperCase())}'s record</summary><pre>${e(JSON.stringify(d.content, null, 2))}</pre><pre class="jws">${e(d.record)}</pre></details>`,
          )
          .join(''),
    ),
    section(
      'The audit',
      table(
        ['node', 'entries signed', 'head signed at', 'verdict'],
        facts.audit.map((a) => [a.nodeId, a.treeSize ?? '', a.signedAt ?? '', a.verdict]),
      ) + facts.audit.map((a) => `<pre>${e(a.lines.join('\n'))}</pre>`).join(''),
    ),
  ];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A three-country study, from application to destruction</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;font-size:.9rem}pre{background:#f6f6f6;padding:.5rem;overflow-x:auto;font-size:.8rem}pre.jws{white-space:pre-wrap;word-break:break-all}h2{border-bottom:1px solid #ccc}</style></head>
<body><h1>A three-country study, from application to destruction</h1>
<p>Synthetic data of ${e(facts.nodes.length)} countries, run ${e(facts.startedAt)} to ${e(facts.finishedAt)} through each node's REST API. Every result below is the pooled analysis of all countries' rows; the rows never left their node. The same facts are in report.json beside this page.</p>
${sections.join('\n')}
</body></html>
`;
}

function jobSection(job: DemoJob): string {
  const head =
    `<h3>${e(job.title)}</h3><p>${e(job.kind)}, job ${e(job.id)}: ${e(job.status)}${job.rounds && job.rounds > 1 ? `, ${e(job.rounds)} rounds` : ''}; ` +
    job.nodes
      .map(
        (n) =>
          `${e(n.node.toUpperCase())} ${e(n.state)}${n.persons !== undefined ? ` (${e(n.persons)} persons)` : ''}`,
      )
      .join(', ') +
    '</p>';
  const spec = `<details><summary>Specification</summary><pre>${e(JSON.stringify(job.spec, null, 2))}</pre></details>`;
  return head + resultHtml(job) + spec;
}

function resultHtml(job: DemoJob): string {
  switch (job.kind) {
    case 'count': {
      const r = job.result as CountResult;
      const total =
        r.groupBy.length === 0 ? [] : [['total', ...r.groupBy.slice(1).map(() => ''), r.total]];
      return table(
        [...r.groupBy, 'persons'],
        [...r.cells.map((c) => [...c.key.map(String), c.count ?? 'suppressed']), ...total],
      );
    }
    case 'summary': {
      const r = job.result as SummaryResult;
      return table(
        [...r.groupBy, 'n', 'mean', 'variance', 'sd'],
        r.groups.map((g) => [
          ...g.key.map(String),
          g.n,
          fixed(g.mean, 4),
          fixed(g.variance, 4),
          fixed(g.sd, 4),
        ]),
      );
    }
    case 'histogram': {
      const r = job.result as HistogramResult;
      const variable = String(job.spec.params.variable);
      return (
        histogramSvg(r, variable) +
        table(
          ['bin', 'persons'],
          [
            ['below', r.below],
            ...r.counts.map((c, i) => [`[${r.edges[i]}, ${r.edges[i + 1]})`, c]),
            ['above', r.above],
          ],
        ) +
        table(
          ['quantile', 'value'],
          r.quantiles.map((q) => [q.p, fixed(q.value)]),
        )
      );
    }
    case 'logistic-regression': {
      const r = job.result as LogisticRegressionResult;
      return (
        table(
          ['term', 'estimate', 'SE', 'z', 'p', 'odds ratio', '95% CI'],
          r.coefficients.map((c) => [
            c.name,
            fixed(c.estimate, 4),
            fixed(c.standardError, 4),
            fixed(c.z, 2),
            c.p !== null && c.p < 1e-4 ? '<0.0001' : fixed(c.p, 4),
            fixed(c.oddsRatio),
            `${fixed(c.lower95)}–${fixed(c.upper95)}`,
          ]),
        ) +
        `<p>Deviance ${e(fixed(r.deviance, 2))} on ${e(r.residualDf)} df (null ${e(fixed(r.nullDeviance, 2))}); ${e(r.iterations)} iterations, ${r.converged ? 'converged' : 'not converged'}.</p>`
      );
    }
    case 'kaplan-meier': {
      const r = job.result as KaplanMeierResult;
      return (
        kaplanMeierSvg(r) +
        r.curves
          .map(
            (c) =>
              `<p>${e(curveLabel(r.strata, c.key))}</p>` +
              table(
                ['from', 'to', 'at risk', 'events', 'censored', 'survival', '95% CI'],
                c.bins.map((b) => [
                  b.from,
                  b.to,
                  b.atRisk,
                  b.events,
                  b.censored,
                  fixed(b.survival),
                  `${fixed(b.lower)}–${fixed(b.upper)}`,
                ]),
              ),
          )
          .join('')
      );
    }
    default:
      return `<pre>${e(JSON.stringify(job.result, null, 2))}</pre>`;
  }
}

function section(title: string, body: string): string {
  return `<section><h2>${e(title)}</h2>${body}</section>`;
}

function table(headers: readonly unknown[], rows: readonly (readonly unknown[])[]): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
