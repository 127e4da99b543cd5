import { resolve } from 'node:path';
import { EEA_COUNTRIES } from '../../config/countries';
import { generateCountry } from '../../synthetic/generate';
import { Command, UsageError } from '../command';
import { Progress } from '../progress';

export const dataGenerateCommand: Command = {
  name: 'data generate',
  summary: 'Write a synthetic country as OMOP CDM CSV files',
  help: `Usage: spe data generate --country CC --out DIR [--persons N] [--seed S]

Writes person, observation_period, visit_occurrence, condition_occurrence,
drug_exposure, measurement, observation and death as CSV files into DIR,
streaming (memory does not grow with N). The same seed and country give the
same files. Countries differ in age, BMI, smoking and baseline risks; the
effects are shared: diabetes odds rise with age, BMI, male sex and smoking,
cardiovascular and death hazards with diabetes, smoking, male sex and age.

Options:
  --country CC    ISO code of an EU/EEA country (DE, FR and NL have their own profiles)
  --out DIR       folder to write (created if missing)
  --persons N     how many persons (default 10000)
  --seed S        the seed (default 1)`,
  options: {
    country: { type: 'string' },
    out: { type: 'string' },
    persons: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
  },
  async run(values) {
    const country = String(values.country ?? '').toUpperCase();
    if (!(EEA_COUNTRIES as readonly string[]).includes(country))
      throw new UsageError('--country: an EU/EEA country code is required');
    if (!values.out) throw new UsageError('--out: the folder to write is required');
    const persons = Number(values.persons);
    if (!Number.isInteger(persons) || persons < 1)
      throw new UsageError('--persons: a positive whole number');
    const progress = new Progress();
    const started = Date.now();
    const counts = await generateCountry({
      country,
      persons,
      seed: String(values.seed),
      outDir: resolve(String(values.out)),
      onProgress: (n) => progress.update(`Generating ${country}: ${n} / ${persons} persons`),
    });
    progress.step(
      `Generated ${persons} persons of ${country} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        Object.entries(counts)
          .map(([t, n]) => `${t} ${n}`)
          .join(', '),
    );
    return 0;
  },
};
