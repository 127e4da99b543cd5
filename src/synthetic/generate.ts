import { once } from 'node:events';
import { createWriteStream, mkdirSync, WriteStream } from 'node:fs';
import { join } from 'node:path';
import { profileOf } from './country-profiles';
import {
  emptyRows,
  PersonRows,
  SYNTHETIC_TABLES,
  SyntheticPopulation,
  SyntheticTable,
} from './population';

const BATCH = 2000;

export interface GenerateOptions {
  readonly country: string;
  readonly persons: number;
  readonly seed: string;
  readonly outDir: string;
  readonly onProgress?: (personsWritten: number) => void;
}

/**
 * Writes a synthetic country as OMOP CDM CSV files, streaming: memory does
 * not grow with the number of persons.
 */
export async function generateCountry(
  options: GenerateOptions,
): Promise<Record<SyntheticTable, number>> {
  mkdirSync(options.outDir, { recursive: true });
  const population = new SyntheticPopulation(
    `${options.seed}/${options.country}`,
    profileOf(options.country),
  );
  const tables = Object.keys(SYNTHETIC_TABLES) as SyntheticTable[];
  const streams = Object.fromEntries(
    tables.map((t) => {
      const stream = createWriteStream(join(options.outDir, `${t}.csv`), {
        highWaterMark: 1 << 20,
      });
      stream.write(`${SYNTHETIC_TABLES[t]}\n`);
      return [t, stream];
    }),
  ) as Record<SyntheticTable, WriteStream>;
  const counts = Object.fromEntries(tables.map((t) => [t, 0])) as Record<SyntheticTable, number>;

  for (let first = 1; first <= options.persons; first += BATCH) {
    const rows: PersonRows = emptyRows();
    const last = Math.min(options.persons, first + BATCH - 1);
    for (let id = first; id <= last; id++) population.next(id, rows);
    for (const t of tables) {
      if (rows[t].length === 0) continue;
      counts[t] += rows[t].length;
      if (!streams[t].write(rows[t].join('\n') + '\n')) await once(streams[t], 'drain');
    }
    options.onProgress?.(last);
  }
  await Promise.all(tables.map((t) => new Promise((resolve) => streams[t].end(resolve))));
  return counts;
}
