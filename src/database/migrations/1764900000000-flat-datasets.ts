import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Datasets registered from flat files: their origin and version in the
 * register, the per-dataset numbering of the files' person identifiers, and
 * dictionaries waiting for their file.
 */
export class FlatDatasets1764900000000 implements MigrationInterface {
  name = 'FlatDatasets1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dataset
        ADD COLUMN origin text NOT NULL DEFAULT 'omop' CHECK (origin IN ('omop', 'csv')),
        ADD COLUMN source jsonb,
        ADD COLUMN version text,
        ALTER COLUMN definition DROP NOT NULL,
        ADD CHECK ((origin = 'omop') = (definition IS NOT NULL))`);
    // person_id of datasets.<id> for each identifier a registered file used; kept across
    // versions so a person keeps their number. Never part of a workspace.
    await q.query(`
      CREATE TABLE dataset_person_key (
        dataset_id  text NOT NULL,
        source_key  text NOT NULL,
        person_id   bigint NOT NULL,
        PRIMARY KEY (dataset_id, source_key),
        UNIQUE (dataset_id, person_id)
      )`);
    await q.query(`
      CREATE TABLE dataset_dictionary_draft (
        dataset_id  text NOT NULL,
        version     text NOT NULL,
        dictionary  jsonb NOT NULL,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL,
        PRIMARY KEY (dataset_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dataset_dictionary_draft`);
    await q.query(`DROP TABLE dataset_person_key`);
    await q.query(`DELETE FROM dataset WHERE origin <> 'omop'`);
    await q.query(`
      ALTER TABLE dataset
        DROP COLUMN version, DROP COLUMN source, DROP COLUMN origin,
        ALTER COLUMN definition SET NOT NULL`);
  }
}
