import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCountry } from './generate';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function generate(country: string, seed: string, persons = 3000) {
  const outDir = mkdtempSync(join(tmpdir(), 'spe-gen-'));
  dirs.push(outDir);
  await generateCountry({ country, persons, seed, outDir });
  return outDir;
}

const digest = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map(
      (f) =>
        `${f}:${createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex')}`,
    )
    .join('\n');

/** Column `name` of a generated CSV, as numbers, keyed by person. */
function column(
  dir: string,
  file: string,
  name: string,
  where?: (row: Record<string, string>) => boolean,
) {
  const [header, ...lines] = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  const out = new Map<string, number>();
  for (const line of lines) {
    const row = Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v]));
    if (!where || where(row)) out.set(row.person_id!, Number(row[name]));
  }
  return out;
}

describe('the synthetic country generator', () => {
  it('gives the same files for the same seed, and other files for another seed', async () => {
    const [a, b, c] = await Promise.all([
      generate('DE', 's1'),
      generate('DE', 's1'),
      generate('DE', 's2'),
    ]);
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it('makes countries differ and builds in that diabetes is commoner with a high BMI', async () => {
    const [de, fr] = await Promise.all([generate('DE', 'x', 8000), generate('FR', 'x', 8000)]);
    const meanAge = (dir: string) => {
      const years = [...column(dir, 'person.csv', 'year_of_birth').values()];
      return 2015 - years.reduce((a, b) => a + b, 0) / years.length;
    };
    expect(meanAge(de) - meanAge(fr)).toBeGreaterThan(1.5);

    const bmi = column(
      de,
      'measurement.csv',
      'value_as_number',
      (r) => r.measurement_concept_id === '3038553',
    );
    const diabetic = column(
      de,
      'condition_occurrence.csv',
      'condition_concept_id',
      (r) => r.condition_concept_id === '201826',
    );
    const prevalence = (keep: (b: number) => boolean) => {
      const group = [...bmi].filter(([, b]) => keep(b));
      return group.filter(([id]) => diabetic.has(id)).length / group.length;
    };
    expect(prevalence((b) => b >= 30)).toBeGreaterThan(2 * prevalence((b) => b < 25));
  });
});
