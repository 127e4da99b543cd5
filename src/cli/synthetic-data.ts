import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { omopFilesIn } from '../modules/catalogue/infrastructure/omop-folder';
import { datasetDefinitionSchema } from '../modules/catalogue/transport/dataset-definition.schema';
import { projectRoot } from '../shared/project-root';
import { generateCountry } from '../synthetic/generate';
import { withNodeData } from './node-data';

/** The dataset definitions shipped with the node, ready for the synthetic data. */
export function shippedDatasetDefinitions() {
  const file = join(projectRoot(), 'datasets', 'cardiometabolic.json');
  return [datasetDefinitionSchema.parse(JSON.parse(readFileSync(file, 'utf8')))];
}

/**
 * Gives a node with no OMOP data a synthetic country of `persons` persons
 * and the shipped datasets. Returns false if the node already had data.
 */
export async function loadSyntheticCountryIfEmpty(
  env: Record<string, string>,
  country: string,
  persons: number,
  seed: string,
): Promise<boolean> {
  return withNodeData(env, async ({ importer, datasets, personCount }) => {
    if ((await personCount()) > 0) return false;
    const dir = mkdtempSync(join(tmpdir(), `spe-synthetic-${country}-`));
    try {
      await generateCountry({ country, persons, seed, outDir: dir });
      await importer.import(await omopFilesIn(dir));
      for (const definition of shippedDatasetDefinitions()) await datasets.define(definition);
      return true;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
