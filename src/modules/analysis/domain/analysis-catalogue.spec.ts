import { ANALYSIS_CATALOGUE, kindNamed } from './analysis-catalogue';

describe('analysis catalogue', () => {
  it('registers each kind under its own name', () => {
    for (const [name, kind] of Object.entries(ANALYSIS_CATALOGUE)) {
      expect(kind.name).toBe(name);
    }
    expect(Object.keys(ANALYSIS_CATALOGUE)).toEqual([
      'count',
      'summary',
      'histogram',
      'linear-regression',
      'logistic-regression',
      'kaplan-meier',
      'cox-regression',
    ]);
  });

  it('finds a kind by name, and nothing else', () => {
    expect(kindNamed('summary')?.name).toBe('summary');
    expect(kindNamed('cox-regression')?.name).toBe('cox-regression');
    expect(kindNamed('median')).toBeUndefined();
    expect(kindNamed('toString')).toBeUndefined();
    expect(kindNamed('__proto__')).toBeUndefined();
  });
});
