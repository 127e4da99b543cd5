import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { DemoFacts } from './demo-facts';
import { renderReportHtml } from './report-html';

export const REPORT_HTML = 'report.html';
export const REPORT_JSON = 'report.json';

/** Writes report.html and report.json into `dir`, the kept data's paths relative to it. */
export function writeDemoReport(dir: string, facts: DemoFacts): { html: string; json: string } {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  const portable: DemoFacts = {
    ...facts,
    data: facts.data.map((d) => ({
      ...d,
      omopDir: relative(root, d.omopDir),
      datasetCsv: relative(root, d.datasetCsv),
    })),
  };
  const html = join(root, REPORT_HTML);
  const json = join(root, REPORT_JSON);
  writeFileSync(json, JSON.stringify(portable, null, 2) + '\n');
  writeFileSync(html, renderReportHtml(portable));
  return { html, json };
}
