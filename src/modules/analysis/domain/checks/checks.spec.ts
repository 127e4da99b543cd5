import { dominanceFindings } from './dominance';
import { levelFindings } from './levels';
import { minCountFindings } from './min-count';
import { residualDfFindings } from './residual-df';
import { ACRO_RULES as RULES, strictestRules } from './strictest';
import { subsetFindings } from './subset';
import { survivalEventFindings } from './survival-events';
import { zeroFindings } from './zeros';

/** Each rule with an output built to trip it, and one just over its threshold that passes (ACRO defaults). */
describe('the output checks', () => {
  it('min-count: 9 fails, 10 and 0 pass', () => {
    expect(minCountFindings([{ cell: 'a', value: 9 }], RULES)).toEqual([
      { rule: 'min-count', cell: 'a', value: 9, threshold: 10 },
    ]);
    expect(
      minCountFindings(
        [
          { cell: 'a', value: 10 },
          { cell: 'b', value: 0 },
        ],
        RULES,
      ),
    ).toEqual([]);
  });

  it('zeros: an empty cell goes to review, a cell of 1 is no zero, and a node may not review zeros', () => {
    expect(zeroFindings([{ cell: 'sex=male', value: 0 }], RULES)).toEqual([
      { rule: 'zeros', cell: 'sex=male', value: 0, threshold: 0 },
    ]);
    expect(zeroFindings([{ cell: 'sex=male', value: 1 }], RULES)).toEqual([]);
    expect(
      zeroFindings([{ cell: 'sex=male', value: 0 }], { ...RULES, zerosReview: false }),
    ).toEqual([]);
  });

  describe('dominance (n = 2, k = 0.90) and p-ratio (0.10)', () => {
    const cell = (total: number, largest: number, second: number | null, smallest = 0) => ({
      cell: 'mean',
      total,
      largest,
      second,
      smallest,
    });

    it('fails a cell whose two largest values are 90% of its total, and passes one at 89.9%', () => {
      // The rest after 80 and 10 is 10, an eighth of the largest: only (n,k) trips.
      expect(dominanceFindings(cell(100, 80, 10), RULES)).toEqual([
        { rule: 'dominance', cell: 'mean', value: 0.9, threshold: 0.9 },
      ]);
      expect(dominanceFindings(cell(100, 79.9, 10), RULES)).toEqual([]);
    });

    it('fails a cell whose rest after the two largest is under a tenth of the largest, and passes one just over', () => {
      // Under the default k such a cell is always (n,k)-dominant too.
      expect(dominanceFindings(cell(6000 + 100 + 599, 6000, 100), RULES)).toEqual([
        { rule: 'dominance', cell: 'mean', value: 6100 / 6699, threshold: 0.9 },
        { rule: 'p-ratio', cell: 'mean', value: 599 / 6000, threshold: 0.1 },
      ]);
      // With k = 0.95 the p-ratio alone: a rest of 99 against 1000 fails, 101 passes.
      const looser = { ...RULES, dominanceK: 0.95 };
      expect(dominanceFindings(cell(1000 + 1 + 99, 1000, 1), looser)).toEqual([
        { rule: 'p-ratio', cell: 'mean', value: 0.099, threshold: 0.1 },
      ]);
      expect(dominanceFindings(cell(1000 + 1 + 101, 1000, 1), looser)).toEqual([]);
    });

    it('sends a cell with a negative value to review instead, and leaves an all-zero cell to the counts', () => {
      expect(dominanceFindings(cell(100, 80, 10, -1), RULES)).toEqual([
        { rule: 'negative-values', cell: 'mean', value: -1, threshold: 0 },
      ]);
      expect(dominanceFindings(cell(0, 0, 0), RULES)).toEqual([]);
    });
  });

  it('residual-df: 20 persons and 11 parameters fail, 10 parameters pass, no one passes', () => {
    expect(residualDfFindings(20, 11, RULES)).toEqual([
      { rule: 'residual-df', cell: 'residual-df', value: 9, threshold: 10 },
    ]);
    expect(residualDfFindings(20, 10, RULES)).toEqual([]);
    expect(residualDfFindings(0, 3, RULES)).toEqual([]);
  });

  it('survival-events: rows fail until their events add up to 10, and not before the first event', () => {
    const rows = [0, 4, 5, 1, 0].map((events, i) => ({ cell: `[${i},${i + 1})`, events }));
    expect(survivalEventFindings(rows, RULES)).toEqual([
      { rule: 'survival-events', cell: '[1,2):cumulative-events', value: 4, threshold: 10 },
      { rule: 'survival-events', cell: '[2,3):cumulative-events', value: 9, threshold: 10 },
    ]);
    expect(
      survivalEventFindings(
        [10, 0].map((events, i) => ({ cell: `${i}`, events })),
        RULES,
      ),
    ).toEqual([]);
  });

  it('subset-complement: a subset or its complement of 9 fails, 10 passes, 0 passes', () => {
    expect(subsetFindings({ subset: 120, complement: 9 }, RULES)).toEqual([
      { rule: 'subset-complement', cell: 'complement', value: 9, threshold: 10 },
    ]);
    expect(subsetFindings({ subset: 9, complement: 120 }, RULES)).toEqual([
      { rule: 'subset-complement', cell: 'subset', value: 9, threshold: 10 },
    ]);
    expect(subsetFindings({ subset: 10, complement: 10 }, RULES)).toEqual([]);
    expect(subsetFindings({ subset: 130, complement: 0 }, RULES)).toEqual([]);
  });

  it('max-levels: a group variable with 41 levels fails, 40 pass', () => {
    const keys = (levels: number) => Array.from({ length: levels }, (_, i) => [`l${i}`, true]);
    expect(levelFindings(['code', 'flag'], keys(41), RULES)).toEqual([
      { rule: 'max-levels', cell: 'code', value: 41, threshold: 40 },
    ]);
    expect(levelFindings(['code', 'flag'], keys(40), RULES)).toEqual([]);
  });

  it('applies the strictest of several nodes’ rules, rule by rule, ', () => {
    const lax = {
      ...RULES,
      minCount: 5,
      zerosReview: false,
      dominanceK: 0.95,
      pRatio: 0.05,
      maxLevels: 100,
    };
    const strict = {
      ...RULES,
      minCount: 20,
      dominanceK: 0.85,
      pRatio: 0.2,
      minResidualDf: 15,
      survivalMinEvents: 12,
      maxLevels: 20,
    };
    expect(strictestRules(lax, [RULES, strict])).toEqual({
      minCount: 20,
      zerosReview: true,
      dominanceK: 0.85,
      pRatio: 0.2,
      minResidualDf: 15,
      survivalMinEvents: 12,
      maxLevels: 20,
    });
    expect(strictestRules(strict, [lax])).toEqual({ ...strict, zerosReview: true });
    expect(strictestRules(RULES, [])).toEqual(RULES);
  });
});
