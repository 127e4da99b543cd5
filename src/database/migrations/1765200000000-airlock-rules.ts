import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The airlock's further checks. `airlock_population`
 * remembers, per permit and dataset, the filters of every population a
 * released output described, so that a later output whose population
 * differs from one of them by a few persons is held for review. At the
 * lead, each participant's readiness carries its output rules, so that
 * every job of the permit carries the strictest of them.
 */
export class AirlockRules1765200000000 implements MigrationInterface {
  name = 'AirlockRules1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE airlock_population (
        permit_id    uuid NOT NULL REFERENCES permit (id),
        dataset      text NOT NULL,
        -- the filters as canonical JSON: one row per distinct population
        filters      text NOT NULL,
        -- the first released output that described it
        job_id       uuid NOT NULL,
        released_at  timestamptz NOT NULL,
        PRIMARY KEY (permit_id, dataset, filters)
      )`);
    await q.query(`ALTER TABLE workspace_readiness ADD COLUMN output_rules jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspace_readiness DROP COLUMN output_rules`);
    await q.query(`DROP TABLE airlock_population`);
  }
}
