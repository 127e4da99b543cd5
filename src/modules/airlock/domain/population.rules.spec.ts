import { ACRO_RULES as RULES } from '../../analysis/domain/checks/strictest';
import { populationFindings } from './population.rules';

const earlier = [
  { jobId: 'j-all', filters: [] },
  { jobId: 'j-old', filters: [{ variable: 'age', op: 'ge' as const, value: 60 }] },
];

describe('the population checks', () => {
  it('holds for review an output whose population is 1 to 9 persons from one released before, naming it', () => {
    expect(
      populationFindings(
        { subset: 300, complement: 1, differences: [1, 120] },
        true,
        earlier,
        RULES,
      ),
    ).toEqual([
      { rule: 'subset-complement', cell: 'complement', value: 1, threshold: 10 },
      { rule: 'differencing', cell: 'population of job j-all', value: 1, threshold: 10 },
    ]);
    expect(
      populationFindings(
        { subset: 200, complement: 101, differences: [101, 9] },
        true,
        earlier,
        RULES,
      ),
    ).toEqual([{ rule: 'differencing', cell: 'population of job j-old', value: 9, threshold: 10 }]);
  });

  it('passes the same population again, and one 10 persons away', () => {
    expect(
      populationFindings(
        { subset: 290, complement: 11, differences: [0, 10] },
        true,
        earlier,
        RULES,
      ),
    ).toEqual([]);
  });

  it('checks the subset and its complement only when the output is filtered', () => {
    expect(
      populationFindings({ subset: 5, complement: 0, differences: [] }, false, [], RULES),
    ).toEqual([]);
    expect(
      populationFindings({ subset: 5, complement: 300, differences: [] }, true, [], RULES),
    ).toEqual([{ rule: 'subset-complement', cell: 'subset', value: 5, threshold: 10 }]);
  });
});
