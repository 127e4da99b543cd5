import { readFileSync } from 'node:fs';
import { SpeClient } from './client/spe-client';
import { Options, UsageError } from './command';

/** The options every command that talks to a node takes. */
export const REMOTE_OPTIONS: Options = {
  url: { type: 'string' },
  token: { type: 'string' },
};

export const REMOTE_HELP = `  --url URL         the node's REST API, e.g. http://127.0.0.1:3001 (or SPE_URL)
  --token TOKEN     your bearer token at that node (or SPE_TOKEN; for a development
                    federation, "spe token" mints one)`;

export const EXIT_HELP = `Exit status: 0 done; 1 the node refused (its error code is printed) or could
not be reached; 2 usage.`;

type Values = Record<string, string | boolean | string[] | undefined>;

/** The node and the person the command speaks as, from --url/--token or SPE_URL/SPE_TOKEN. */
export function clientOf(values: Values): SpeClient {
  const url = String(values.url ?? process.env.SPE_URL ?? '');
  const token = String(values.token ?? process.env.SPE_TOKEN ?? '');
  if (!/^https?:\/\/\S+$/.test(url))
    throw new UsageError('--url: the node, http(s)://host:port (or set SPE_URL)');
  if (!token) throw new UsageError('--token: your bearer token (or set SPE_TOKEN)');
  return new SpeClient(url, token);
}

/** A required option's value, or a usage error naming it. */
export function required(values: Values, name: string, what: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name}: ${what}`);
  return value;
}

/** A required UUID option (ids of applications, permits, jobs and held outputs). */
export function requiredId(values: Values, name: string, what: string): string {
  const value = required(values, name, what);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    throw new UsageError(`--${name}: ${what} (a UUID)`);
  return value;
}

export function readJsonFile(file: string, option: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--${option}: ${file}: ${(error as Error).message}`);
  }
}

export function parseJsonOption(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--${option}: not JSON: ${(error as Error).message}`);
  }
}

/** Rows as aligned columns on stdout, or a line saying there are none. */
export function printTable(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  none: string,
): void {
  if (rows.length === 0) {
    process.stdout.write(`${none}\n`);
    return;
  }
  const cells = [
    headers,
    ...rows.map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c)))),
  ];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const row of cells) {
    process.stdout.write(
      `${row
        .map((c, i) => (c ?? '').padEnd(widths[i]!))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
}
