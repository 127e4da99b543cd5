import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Archive and destroy: when a permit was archived and destroyed, the
 * archival applied at this node (why, when, jobs cancelled, participants not
 * yet told of a closure), the destruction at this node (what it held,
 * captured before it was dropped, and the signed record), and at the lead
 * the records collected from every participant; extensions of a permit's
 * validity, with each participant's decision. Workspaces can be ARCHIVED
 * (read-only, by a trigger) and DESTROYED; each pseudonym secret gets an id
 * a destruction record can name without naming the secret.
 */
export class Lifecycle1765100000000 implements MigrationInterface {
  name = 'Lifecycle1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE permit ADD COLUMN archived_at timestamptz, ADD COLUMN destroyed_at timestamptz`,
    );
    await q.query(`ALTER TABLE workspace DROP CONSTRAINT workspace_status_check`);
    await q.query(
      `ALTER TABLE workspace ADD CONSTRAINT workspace_status_check
         CHECK (status IN ('READY', 'FAILED', 'ARCHIVED', 'DESTROYED'))`,
    );
    await q.query(
      `ALTER TABLE workspace_secret ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
    await q.query(`
      CREATE FUNCTION workspace_read_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the workspace of an archived permit is read-only (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TABLE permit_archival (
        permit_id       uuid PRIMARY KEY REFERENCES permit (id),
        reason          text NOT NULL CHECK (reason IN ('EXPIRED', 'CLOSED', 'REVOKED')),
        -- when the workspace became read-only and running jobs were cancelled here
        applied_at      timestamptz NOT NULL,
        jobs_cancelled  integer NOT NULL,
        -- at the lead, after a closure: participants not yet told
        untold          text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`
      CREATE TABLE permit_destruction (
        permit_id     uuid PRIMARY KEY REFERENCES permit (id),
        -- what this node held for the permit, counted before it was dropped
        inventory     jsonb NOT NULL,
        destroyed_at  timestamptz NOT NULL,
        -- the signed destruction record (compact JWS), once written
        record        text,
        recorded_at   timestamptz,
        -- a participant's record reached the lead
        delivered_at  timestamptz
      )`);
    await q.query(`
      CREATE TABLE destruction_record (
        permit_id     uuid NOT NULL REFERENCES permit (id),
        node_id       text NOT NULL,
        record        text NOT NULL,
        destroyed_at  timestamptz NOT NULL,
        received_at   timestamptz NOT NULL,
        PRIMARY KEY (permit_id, node_id)
      )`);
    await q.query(`
      CREATE TABLE permit_extension (
        id                    uuid PRIMARY KEY,
        permit_id             uuid NOT NULL REFERENCES permit (id),
        valid_until           timestamptz NOT NULL,
        previous_valid_until  timestamptz NOT NULL,
        reason                text NOT NULL,
        requested_by          text NOT NULL,
        requested_at          timestamptz NOT NULL,
        status                text NOT NULL CHECK (status IN ('PENDING', 'GRANTED', 'REJECTED', 'LAPSED')),
        -- per node: outcome, reason, when, and an approval's signature of the amended permit
        decisions             jsonb NOT NULL DEFAULT '{}',
        -- at the lead: participants not yet told of the request (PENDING) or of its end
        untold                text[] NOT NULL DEFAULT '{}',
        -- at a participant: its decision reached the lead
        reported              boolean NOT NULL DEFAULT false,
        concluded_at          timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX permit_extension_pending ON permit_extension (permit_id) WHERE status = 'PENDING'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE permit_extension`);
    await q.query(`DROP TABLE destruction_record`);
    await q.query(`DROP TABLE permit_destruction`);
    await q.query(`DROP TABLE permit_archival`);
    await q.query(`DROP FUNCTION workspace_read_only()`);
    await q.query(`ALTER TABLE workspace_secret DROP COLUMN id`);
    await q.query(`ALTER TABLE workspace DROP CONSTRAINT workspace_status_check`);
    await q.query(
      `ALTER TABLE workspace ADD CONSTRAINT workspace_status_check CHECK (status IN ('READY', 'FAILED'))`,
    );
    await q.query(`ALTER TABLE permit DROP COLUMN archived_at, DROP COLUMN destroyed_at`);
  }
}
