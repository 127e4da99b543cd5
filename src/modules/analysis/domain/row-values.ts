import type { GroupValue } from './group-keys';

/**
 * A count or bucket number from a result row; the driver returns a bigint as
 * text (or as a bigint), an integer as a number.
 */
export function wholeNumberFrom(value: unknown, what: string): number {
  const number =
    typeof value === 'bigint' || (typeof value === 'string' && /^[0-9]+$/.test(value))
      ? Number(value)
      : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw new Error(`${what} is not a whole number: ${String(value)}`);
  }
  return number;
}

/** A statistic from a result row: null, or a finite number (a numeric comes as text). */
export function finiteOrNullFrom(value: unknown, what: string): number | null {
  if (value === null) return null;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw new Error(`${what} is not a finite number: ${String(value)}`);
  }
  return number;
}

export function groupValueFrom(value: unknown, what: string): GroupValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new Error(`${what} is not a category level or a boolean: ${String(value)}`);
}
