import { readFileSync } from 'node:fs';
import { datasetDefinitionSchema } from '../../modules/catalogue/transport/dataset-definition.schema';
import { parseInput } from '../../shared/validation';
import { Command, UsageError } from '../command';
import { withNodeData } from '../node-data';

export const datasetDefineCommand: Command = {
  name: 'dataset define',
  summary: 'Define or redefine an analysis dataset from a JSON definition',
  help: `Usage: spe dataset define --file FILE

Reads a dataset definition (id, title, description, keywords, variables with
type, description, unit and levels, and the SQL that derives them from the
OMOP tables; see datasets/cardiometabolic.json), builds the dataset's table
in the node configured by the environment, checks it (one row per person,
categories within their levels) and publishes it in the catalogue.`,
  options: { file: { type: 'string' } },
  async run(values) {
    if (!values.file) throw new UsageError('--file: the definition file is required');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(String(values.file), 'utf8'));
    } catch (error) {
      throw new UsageError(
        `--file: cannot read JSON from ${values.file}: ${(error as Error).message}`,
      );
    }
    const definition = parseInput(datasetDefinitionSchema, json, 'dataset definition');
    const dataset = await withNodeData(process.env, ({ datasets }) => datasets.define(definition));
    process.stdout.write(
      `Defined dataset ${dataset.id}: ${dataset.personCount} persons, ${dataset.variables.length} variables.\n`,
    );
    return 0;
  },
};
