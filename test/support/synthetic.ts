import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCountry } from '../../src/synthetic/generate';

/** A synthetic country in a temporary folder. */
export async function syntheticCountry(
  country: string,
  persons: number,
  seed = 'test',
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `spe-omop-${country}-`));
  await generateCountry({ country, persons, seed, outDir: dir });
  return dir;
}

/** A copy of `dir` in which `edit` rewrites the lines of one file (line 1 is the header). */
export function withEditedFile(dir: string, file: string, edit: (lines: string[]) => void): string {
  const copy = mkdtempSync(join(tmpdir(), 'spe-omop-edited-'));
  cpSync(dir, copy, { recursive: true });
  const path = join(copy, file);
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  edit(lines);
  writeFileSync(path, lines.join('\n') + '\n');
  return copy;
}
