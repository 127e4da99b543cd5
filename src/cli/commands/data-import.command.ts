import { resolve } from 'node:path';
import { ImportProgress } from '../../modules/catalogue/application/omop-store.port';
import { omopFilesIn } from '../../modules/catalogue/infrastructure/omop-folder';
import { Command, UsageError } from '../command';
import { withNodeData } from '../node-data';
import { Progress } from '../progress';

export const dataImportCommand: Command = {
  name: 'data import',
  summary: "Replace the node's OMOP CDM data with a folder of CSV files",
  help: `Usage: spe data import --dir DIR

Imports <table>.csv files (comma-separated, with a header row) for person
(required), observation_period, visit_occurrence, condition_occurrence,
drug_exposure, measurement, observation and death into the node configured
by the environment (NODE_ID, DATABASE_URL or DATA_DIR). The files are a
complete snapshot: the import replaces all OMOP data, all or nothing, and
rebuilds every dataset. Every value, key and reference is checked first; any
problem is reported with its file, line and column, and nothing changes.
Importing the same files again gives the same data.
An embedded database must not be in use by a running node.`,
  options: { dir: { type: 'string' } },
  async run(values) {
    if (!values.dir) throw new UsageError('--dir: the folder of CSV files is required');
    const progress = new Progress();
    const started = Date.now();
    const counts = await withNodeData(process.env, async ({ importer }) =>
      importer.import(await omopFilesIn(resolve(String(values.dir))), (p) =>
        progress.step(describe(p)),
      ),
    );
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const seconds = (Date.now() - started) / 1000;
    progress.step(
      `Imported ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s).`,
    );
    return 0;
  },
};

function describe(p: ImportProgress): string {
  switch (p.phase) {
    case 'load':
      return `Loading ${p.file}…`;
    case 'check':
      return `Checked ${p.file}: ${p.rows} rows`;
    case 'write':
      return `Wrote omop.${p.table}: ${p.rows} rows`;
    case 'datasets':
      return `Rebuilt dataset ${p.dataset}: ${p.persons} persons`;
  }
}
