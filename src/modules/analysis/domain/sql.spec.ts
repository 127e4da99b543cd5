import { quoteIdent, SqlValues, statement } from './sql';

describe('sql', () => {
  it('quotes a plain name and refuses any other', () => {
    expect(quoteIdent('followup_days')).toBe('"followup_days"');
    for (const name of ['', 'Age', '1st', 'a"b', 'a b', 'a;drop']) {
      expect(() => quoteIdent(name)).toThrow(/Not a plain SQL identifier/);
    }
  });

  it('numbers the bound values in the order they are added', () => {
    const values = new SqlValues();
    expect(values.add('female', 'text')).toBe('$1::text');
    expect(values.add([1, 2], 'double precision[]')).toBe('$2::double precision[]');
    expect(values.values).toEqual(['female', [1, 2]]);
  });

  it('joins the clauses of a statement, leaving out empty ones', () => {
    expect(statement('SELECT 1', '', 'LIMIT 1')).toBe('SELECT 1 LIMIT 1');
  });
});
