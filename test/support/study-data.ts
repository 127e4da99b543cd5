import { DataSource } from 'typeorm';
import { DatasetsService } from '../../src/modules/catalogue/application/datasets.service';
import { DatasetDefinition } from '../../src/modules/catalogue/domain/dataset';
import { TestNode } from './test-federation';
import { seededRandom } from '../../src/modules/analysis/domain/kinds/testing/synthetic-nodes';

/** One person of the test study, as the test generates it. */
export interface StudyRow {
  readonly personId: number;
  readonly grp: 'a' | 'b' | 'c' | null;
  readonly flag: boolean;
  readonly value: number | null;
  readonly score: number;
  readonly birthYear: number;
}

export const GROUP_LEVELS = ['a', 'b', 'c'] as const;

/**
 * `persons` study rows: groups drawn from `levels` (so a country can lack a
 * level), a few missing values, values on a country-specific
 * scale, and integer scores that fall exactly on histogram edges (ties).
 */
export function studyRows(
  seed: number,
  persons: number,
  options: { levels?: readonly StudyRow['grp'][]; valueShift?: number; firstId?: number } = {},
): StudyRow[] {
  const next = seededRandom(seed);
  const levels = options.levels ?? GROUP_LEVELS;
  return Array.from({ length: persons }, (_, i) => {
    const grp = levels[Math.floor(next() * levels.length)]!;
    const value =
      next() < 0.02 ? null : 50 + (options.valueShift ?? 0) + 12 * (next() + next() + next() - 1.5);
    return {
      personId: (options.firstId ?? 1) + i,
      grp,
      flag: next() < 0.4,
      value,
      score: Math.floor(next() * 10),
      birthYear: 1940 + Math.floor(next() * 60),
    };
  });
}

export const STUDY_DATASET: DatasetDefinition = {
  id: 'study',
  title: 'Test study',
  description: 'Generated rows for tests of federated analyses.',
  keywords: ['test'],
  sql: 'SELECT person_id, grp, flag, value, score, birth_year FROM public.study_source',
  variables: [
    { name: 'grp', type: 'category', description: 'Group', levels: [...GROUP_LEVELS] },
    { name: 'flag', type: 'boolean', description: 'A yes/no trait' },
    { name: 'value', type: 'number', description: 'A measurement', unit: 'u' },
    { name: 'score', type: 'integer', description: 'A score from 0 to 9' },
    { name: 'birth_year', type: 'integer', description: 'Year of birth' },
  ],
};

/** The same rows published a second time, as another dataset. */
export const STUDY_COPY_DATASET: DatasetDefinition = {
  ...STUDY_DATASET,
  id: 'study_copy',
  title: 'Test study, copy',
};

/** Puts the rows into the node's database and publishes them as the study datasets. */
export async function loadStudy(node: TestNode, rows: readonly StudyRow[]): Promise<void> {
  const db = node.app.get(DataSource);
  await db.query(`DROP TABLE IF EXISTS public.study_source`);
  await db.query(
    `CREATE TABLE public.study_source (person_id bigint, grp text, flag boolean,
       value double precision, score integer, birth_year integer)`,
  );
  await db.query(
    `INSERT INTO public.study_source
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::boolean[], $4::double precision[], $5::integer[], $6::integer[])`,
    [
      rows.map((r) => r.personId),
      rows.map((r) => r.grp),
      rows.map((r) => r.flag),
      rows.map((r) => r.value),
      rows.map((r) => r.score),
      rows.map((r) => r.birthYear),
    ],
  );
  const datasets = node.app.get(DatasetsService);
  await datasets.define(STUDY_DATASET);
  await datasets.define(STUDY_COPY_DATASET);
}
