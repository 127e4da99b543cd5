import { resultCsv } from './result-csv';

describe('a pooled result as CSV', () => {
  it('a count table: one column per group variable, then the count', () => {
    const csv = resultCsv('count', {
      groupBy: ['sex', 'diabetes'],
      cells: [
        { key: ['female', false], count: 12 },
        { key: ['male', true], count: 0 },
      ],
      total: 12,
    });
    expect(csv).toBe('sex,diabetes,count\nfemale,false,12\nmale,true,0\n');
  });

  it('a histogram: below, each bin and above, as [from, to) rows', () => {
    const csv = resultCsv('histogram', { edges: [0, 1, 2], below: 0, counts: [10, 20], above: 3 });
    expect(csv).toBe('from,to,count\n,0,0\n0,1,10\n1,2,20\n2,,3\n');
  });

  it('survival bins under their stratum; a missing value is empty, a comma is quoted', () => {
    const csv = resultCsv('kaplan-meier', {
      strata: 'group',
      curves: [
        {
          key: ['a,b'],
          bins: [
            { from: 0, to: 1, atRisk: 20, events: 0, censored: 0, survival: 1, variance: null },
          ],
        },
      ],
    });
    expect(csv.split('\n')[1]).toBe('"a,b",0,1,20,0,0,1,,,,');
  });

  it('refuses a kind it has no table for', () => {
    expect(() => resultCsv('nonsense', {})).toThrow('No CSV form');
  });
});
