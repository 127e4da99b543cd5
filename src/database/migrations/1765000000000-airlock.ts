import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The airlock: contributions held at this node for its reviewers, and their
 * reviews. A node's part and a node's run may now await review.
 */
export class Airlock1765000000000 implements MigrationInterface {
  name = 'Airlock1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE airlock_output (
        id            uuid PRIMARY KEY,
        job_id        uuid NOT NULL,
        round         integer NOT NULL,
        permit_id     uuid NOT NULL REFERENCES permit (id),
        lead          text NOT NULL,
        spec          jsonb NOT NULL,
        -- kept only here: it leaves the node when released, and only then
        contribution  jsonb NOT NULL,
        persons       integer NOT NULL,
        -- every check's finding with its value and outcome (review or fail)
        findings      jsonb NOT NULL,
        status        text NOT NULL CHECK (status IN ('pass', 'review', 'fail')),
        state         text NOT NULL CHECK (state IN ('AWAITING_REVIEW', 'RELEASED', 'REJECTED')),
        reason        text,
        held_at       timestamptz NOT NULL,
        decided_at    timestamptz,
        -- when the lead took the decision; until then a sweep sends it again
        delivered_at  timestamptz,
        UNIQUE (job_id, round)
      )`);
    await q.query(
      `CREATE INDEX airlock_output_undelivered ON airlock_output (decided_at)
       WHERE state <> 'AWAITING_REVIEW' AND delivered_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE airlock_review (
        output_id         uuid NOT NULL REFERENCES airlock_output (id),
        reviewer_issuer   text NOT NULL,
        reviewer_subject  text NOT NULL,
        decision          text NOT NULL CHECK (decision IN ('RELEASE', 'REJECT')),
        reason            text NOT NULL,
        reviewed_at       timestamptz NOT NULL,
        PRIMARY KEY (output_id, reviewer_issuer, reviewer_subject)
      )`);
    await q.query(`ALTER TABLE job_node DROP CONSTRAINT job_node_state_check`);
    await q.query(
      `ALTER TABLE job_node ADD CONSTRAINT job_node_state_check CHECK (state IN
        ('QUEUED', 'DISPATCHED', 'AWAITING_REVIEW', 'RELEASED', 'BLOCKED', 'FAILED', 'CANCELLED'))`,
    );
    await q.query(`ALTER TABLE job_run DROP CONSTRAINT job_run_state_check`);
    await q.query(
      `ALTER TABLE job_run ADD CONSTRAINT job_run_state_check CHECK (state IN
        ('RUNNING', 'AWAITING_REVIEW', 'RELEASED', 'BLOCKED', 'FAILED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_run DROP CONSTRAINT job_run_state_check`);
    await q.query(
      `ALTER TABLE job_run ADD CONSTRAINT job_run_state_check CHECK (state IN
        ('RUNNING', 'RELEASED', 'BLOCKED', 'FAILED'))`,
    );
    await q.query(`ALTER TABLE job_node DROP CONSTRAINT job_node_state_check`);
    await q.query(
      `ALTER TABLE job_node ADD CONSTRAINT job_node_state_check CHECK (state IN
        ('QUEUED', 'DISPATCHED', 'RELEASED', 'BLOCKED', 'FAILED', 'CANCELLED'))`,
    );
    await q.query(`DROP TABLE airlock_review`);
    await q.query(`DROP TABLE airlock_output`);
  }
}
