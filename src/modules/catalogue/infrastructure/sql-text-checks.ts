/**
 * SQL predicates on text cells that mirror PostgreSQL's casts, so a value
 * they accept always casts (PostgreSQL 15 has no pg_input_is_valid).
 */

/** The start of a YYYY-MM-DD text, as a quoted regular expression. */
export const DATE_PREFIX = `'^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])'`;

/** A decimal number with an optional exponent, as a quoted regular expression. */
export const DECIMAL = `'^[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?$'`;

/** SQL that is true when `c` (a well-formed YYYY-MM-DD… text) names a day that exists. */
export function dayExists(c: string): string {
  const year = `substr(${c}, 1, 4)::int`;
  const month = `substr(${c}, 6, 2)`;
  const leap = `(${year} % 4 = 0 AND ${year} % 100 <> 0 OR ${year} % 400 = 0)`;
  return `substr(${c}, 9, 2)::int <= CASE WHEN ${month} IN ('04', '06', '09', '11') THEN 30
    WHEN ${month} = '02' THEN CASE WHEN ${leap} THEN 29 ELSE 28 END ELSE 31 END`;
}
