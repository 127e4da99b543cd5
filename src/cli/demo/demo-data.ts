import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { omopFilesIn } from '../../modules/catalogue/infrastructure/omop-folder';
import { generateCountry } from '../../synthetic/generate';
import { nodeDataOn } from '../node-data';
import { shippedDatasetDefinitions } from '../synthetic-data';

export const DEMO_DATASET = 'cardiometabolic';

/** A country's synthetic data as the demo keeps it beside its report. */
export interface KeptCountryData {
  readonly node: string;
  readonly country: string;
  readonly persons: number;
  /** The OMOP CDM CSV files the node imported. */
  readonly omopDir: string;
  /** The analysis dataset as the node derived it from them: one row per person, no identifier. */
  readonly datasetCsv: string;
  readonly variables: readonly string[];
}

/**
 * Generates a synthetic country into `dir`/omop, imports it into the node's
 * (migrated, empty) database with the shipped dataset definitions, and
 * writes the derived dataset to `dir`/cardiometabolic.csv, so that anyone
 * can pool the countries' files and redo an analysis with another tool.
 * The data is synthetic, written by the operator's own command: no node
 * hands rows out.
 */
export async function loadDemoCountry(
  dataSource: DataSource,
  country: { node: string; country: string; persons: number; seed: string; dir: string },
): Promise<KeptCountryData> {
  const omopDir = join(country.dir, 'omop');
  mkdirSync(omopDir, { recursive: true });
  await generateCountry({
    country: country.country,
    persons: country.persons,
    seed: country.seed,
    outDir: omopDir,
  });
  const { importer, datasets } = nodeDataOn(dataSource);
  await importer.import(await omopFilesIn(omopDir));
  const definition = shippedDatasetDefinitions().find((d) => d.id === DEMO_DATASET)!;
  for (const d of shippedDatasetDefinitions()) await datasets.define(d);
  const variables = definition.variables.map((v) => v.name);
  const datasetCsv = join(country.dir, `${DEMO_DATASET}.csv`);
  await writeDatasetCsv(dataSource, variables, datasetCsv);
  return {
    node: country.node,
    country: country.country,
    persons: country.persons,
    omopDir,
    datasetCsv,
    variables,
  };
}

async function writeDatasetCsv(
  dataSource: DataSource,
  variables: readonly string[],
  file: string,
): Promise<void> {
  const rows = (await dataSource.query(
    `SELECT ${variables.map((v) => `"${v}"`).join(', ')} FROM datasets.${DEMO_DATASET} ORDER BY person_id`,
  )) as Record<string, unknown>[];
  const out = createWriteStream(file);
  out.write(`${variables.join(',')}\n`);
  for (const row of rows) out.write(`${variables.map((v) => csvValue(row[v])).join(',')}\n`);
  out.end();
  await finished(out);
}

/** Empty for a missing value; numbers in full precision; no value of the dataset needs quoting. */
function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
