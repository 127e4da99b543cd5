import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The airlock's further checks. `spe_top2` is an aggregate of the two
 * largest values of a group in one pass and constant memory: the evidence of
 * the dominance checks, which stays at the node. `airlock_population`
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
      CREATE FUNCTION spe_top2_step(top double precision[], x double precision)
      RETURNS double precision[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE
          WHEN top[1] IS NULL OR x > top[1] THEN ARRAY[x, top[1]]
          WHEN top[2] IS NULL OR x > top[2] THEN ARRAY[top[1], x]
          ELSE top
        END
      $$`);
    await q.query(`
      CREATE AGGREGATE spe_top2(double precision) (
        SFUNC = spe_top2_step, STYPE = double precision[], INITCOND = '{}'
      )`);
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
    await q.query(`DROP AGGREGATE spe_top2(double precision)`);
    await q.query(`DROP FUNCTION spe_top2_step(double precision[], double precision)`);
  }
}
