import { seededRandom } from '../../src/modules/analysis/domain/kinds/testing/synthetic-nodes';
/** One person of a test registry file, as the test generates it (null: missing). */
export interface RegistryRow {
  readonly id: string;
  readonly age: number;
  readonly bmi: number | null;
  readonly smoker: boolean | null;
  readonly diagnosed: string;
  readonly stage: 'I' | 'II' | 'III';
  readonly region: 'north' | 'south' | null;
  readonly followupDays: number;
  readonly died: boolean;
}

/** The dictionary of the registry files: every variable type, some allowing missing values. */
export const REGISTRY_DICTIONARY = {
  title: 'Cancer registry (test)',
  description: 'One row per person diagnosed, generated for tests.',
  keywords: ['cancer', 'registry'],
  variables: [
    { name: 'patient', type: 'identifier', description: 'Registry number' },
    { name: 'age', type: 'integer', description: 'Age at diagnosis', unit: 'years' },
    {
      name: 'bmi',
      type: 'number',
      description: 'Body mass index',
      unit: 'kg/m2',
      missingAllowed: true,
    },
    { name: 'smoker', type: 'boolean', description: 'Smokes', missingAllowed: true },
    { name: 'diagnosed', type: 'date', description: 'Date of diagnosis' },
    { name: 'stage', type: 'category', description: 'Stage', levels: ['I', 'II', 'III'] },
    {
      name: 'region',
      type: 'category',
      description: 'Region',
      levels: ['north', 'south'],
      missingAllowed: true,
    },
    {
      name: 'followup_days',
      type: 'integer',
      description: 'Days from diagnosis to death or the end of follow-up',
      unit: 'days',
    },
    { name: 'died', type: 'boolean', description: 'Died during follow-up' },
  ],
};

export const REGISTRY_VARIABLES = REGISTRY_DICTIONARY.variables
  .filter((v) => v.type !== 'identifier')
  .map((v) => v.name);

/**
 * Persons `first`…`first + count − 1` (text identifiers). Every 12th has no
 * BMI, every 15th no smoking status and every 9th no region, so each node
 * has at least ten of each kind of missing value. Survival is exponential,
 * its hazard rising with age, stage III and smoking, censored uniformly
 * from day 200 to 1200: each node has at least ten events and ten censored
 * persons in every bin of [0, 200, 400, 600] that has any.
 */
export function registryRows(seed: number, first: number, count: number): RegistryRow[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3000) * 86_400_000);
    const bmi = 18 + Math.round(next() * 200) / 10;
    const smoker = next() < 0.35;
    const stage = (['I', 'II', 'III'] as const)[Math.floor(next() * 3)]!;
    const region = next() < 0.5 ? 'north' : 'south';
    const age = 20 + Math.floor(next() * 80);
    const hazard =
      0.001 * Math.exp(0.02 * (age - 60) + (stage === 'III' ? 0.6 : 0) + (smoker ? 0.3 : 0));
    const death = -Math.log(1 - next()) / hazard;
    const censored = 200 + next() * 1000;
    return {
      id: `P-${String(n).padStart(6, '0')}`,
      age,
      bmi: i % 12 === 5 ? null : bmi,
      smoker: i % 15 === 7 ? null : smoker,
      diagnosed: day.toISOString().slice(0, 10),
      stage,
      region: i % 9 === 4 ? null : region,
      followupDays: Math.floor(Math.min(death, censored)),
      died: death <= censored,
    };
  });
}

/** The rows as a registry file would hold them: missing as an empty cell or NA, booleans as words. */
export function registryCsv(rows: readonly RegistryRow[]): string {
  const missing = (i: number) => (i % 2 === 0 ? '' : 'NA');
  const lines = rows.map((r, i) =>
    [
      r.id,
      r.age,
      r.bmi ?? missing(i),
      r.smoker === null ? missing(i + 1) : r.smoker ? 'yes' : 'no',
      r.diagnosed,
      r.stage,
      r.region ?? missing(i),
      r.followupDays,
      r.died ? 'true' : 'false',
    ].join(','),
  );
  const header = 'patient,age,bmi,smoker,diagnosed,stage,region,followup_days,died';
  return [header, ...lines].join('\r\n') + '\r\n';
}
