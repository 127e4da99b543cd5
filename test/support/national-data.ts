import { rmSync } from 'node:fs';
import { shippedDatasetDefinitions } from '../../src/cli/synthetic-data';
import { DatasetsService } from '../../src/modules/catalogue/application/datasets.service';
import { OmopImportService } from '../../src/modules/catalogue/application/omop-import.service';
import { omopFilesIn } from '../../src/modules/catalogue/infrastructure/omop-folder';
import { syntheticCountry } from './synthetic';
import { TestNode } from './test-federation';

/** Loads a small synthetic country and the shipped datasets into a running node. */
export async function loadNationalData(
  node: TestNode,
  country: string,
  persons: number,
): Promise<void> {
  const dir = await syntheticCountry(country, persons);
  try {
    await node.app.get(OmopImportService).import(await omopFilesIn(dir));
    for (const definition of shippedDatasetDefinitions())
      await node.app.get(DatasetsService).define(definition);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
