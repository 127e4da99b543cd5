import type { DemoFacts } from './demo-facts';
import { renderReportHtml } from './report-html';

const evil = '<script>alert("x")</script>';

function facts(): DemoFacts {
  return {
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    nodes: [{ id: 'de', country: 'DE', httpUrl: 'http://127.0.0.1:3001' }],
    lead: 'de',
    researcher: `issuer#${evil}`,
    data: [],
    application: {
      id: 'p1',
      title: evil,
      purpose: 'scientific-research',
      applicant: { name: 'A', organisation: evil },
      datasets: [],
      receivedAt: '2026-01-01T00:00:00.000Z',
      decisions: [{ node: 'de', outcome: 'APPROVED', reason: evil }],
    },
    permit: { id: 'p1', jws: { payload: evil, signatures: [] }, signatures: [] },
    jobs: [
      {
        title: evil,
        id: 'j1',
        kind: 'count',
        spec: { params: { dataset: evil } },
        status: 'COMPLETE',
        nodes: [{ node: 'de', state: 'RELEASED', persons: 10 }],
        result: { groupBy: ['g'], cells: [{ key: [evil], count: 10 }], total: 10, excluded: {} },
      },
      {
        title: 'hist',
        id: 'j2',
        kind: 'histogram',
        spec: { params: { variable: evil } },
        status: 'COMPLETE',
        nodes: [],
        result: {
          edges: [0, 1, 2],
          below: 0,
          counts: [10, 20],
          above: 0,
          total: 30,
          quantiles: [],
        },
      },
    ],
    airlock: [],
    lifecycle: { closedAt: '2026-01-01T00:00:30.000Z', destruction: [] },
    audit: [],
  };
}

describe('the demo report as HTML', () => {
  it('escapes every value it shows, and carries no script', () => {
    const html = renderReportHtml(facts());
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('draws the histogram as inline SVG, its bars as wide as their bins', () => {
    const html = renderReportHtml(facts());
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html.match(/<rect /g)).toHaveLength(2);
  });
});
