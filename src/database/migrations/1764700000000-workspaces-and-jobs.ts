import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The use stage: each permit's workspace and pseudonym secret at every
 * participant, the lead's view of which workspaces are ready, the jobs the
 * lead coordinates, and the runs each node made of them.
 */
export class WorkspacesAndJobs1764700000000 implements MigrationInterface {
  name = 'WorkspacesAndJobs1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE workspace_secret (
        permit_id   uuid PRIMARY KEY REFERENCES permit (id),
        -- the key of the permit's pseudonyms (HMAC-SHA-256); never leaves the database
        secret      bytea NOT NULL,
        created_at  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE workspace (
        permit_id        uuid PRIMARY KEY REFERENCES permit (id),
        status           text NOT NULL CHECK (status IN ('READY', 'FAILED')),
        schema_name      text,
        -- per dataset: its table and the columns (permitted variables) it holds
        tables           jsonb NOT NULL DEFAULT '[]',
        attempts         integer NOT NULL DEFAULT 0,
        last_error       text,
        next_attempt_at  timestamptz,
        ready_at         timestamptz,
        -- the lead knows this workspace is ready
        reported         boolean NOT NULL DEFAULT false,
        updated_at       timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE workspace_readiness (
        permit_id    uuid NOT NULL REFERENCES permit (id),
        node_id      text NOT NULL,
        tables       jsonb NOT NULL,
        ready_at     timestamptz NOT NULL,
        -- the node knows the permit is active
        activated    boolean NOT NULL DEFAULT false,
        PRIMARY KEY (permit_id, node_id)
      )`);
    await q.query(`
      CREATE TABLE job (
        id                 uuid PRIMARY KEY,
        permit_id          uuid NOT NULL REFERENCES permit (id),
        kind               text NOT NULL,
        spec               jsonb NOT NULL,
        submitted_by       jsonb NOT NULL,
        status             text NOT NULL CHECK (status IN ('RUNNING', 'COMPLETE', 'PARTIAL', 'FAILED', 'CANCELLED')),
        -- iterative kinds: the current round and the state the lead keeps for it
        round              integer NOT NULL DEFAULT 1,
        state              jsonb,
        result             jsonb,
        submitted_at       timestamptz NOT NULL,
        finished_at        timestamptz
      )`);
    await q.query(`CREATE INDEX job_permit ON job (permit_id, submitted_at)`);
    await q.query(`
      CREATE TABLE job_node (
        job_id         uuid NOT NULL REFERENCES job (id),
        node_id        text NOT NULL,
        round          integer NOT NULL,
        state          text NOT NULL CHECK (state IN ('QUEUED', 'DISPATCHED', 'RELEASED', 'BLOCKED', 'FAILED', 'CANCELLED')),
        attempts       integer NOT NULL DEFAULT 0,
        -- a dispatch in flight is leased until then; after it, any replica may dispatch again
        lease_until    timestamptz,
        contribution   jsonb,
        persons        integer,
        findings       jsonb,
        reason         text,
        finished_at    timestamptz,
        PRIMARY KEY (job_id, node_id, round)
      )`);
    await q.query(
      `CREATE INDEX job_node_pending ON job_node (lease_until) WHERE state IN ('QUEUED', 'DISPATCHED')`,
    );
    await q.query(`
      CREATE TABLE job_run (
        job_id        uuid NOT NULL,
        round         integer NOT NULL,
        permit_id     uuid NOT NULL REFERENCES permit (id),
        lead          text NOT NULL,
        spec          jsonb NOT NULL,
        state         text NOT NULL CHECK (state IN ('RUNNING', 'RELEASED', 'BLOCKED', 'FAILED')),
        -- only what passed the output gate is kept
        contribution  jsonb,
        persons       integer,
        findings      jsonb,
        reason        text,
        started_at    timestamptz NOT NULL,
        finished_at   timestamptz,
        PRIMARY KEY (job_id, round)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'job_run',
      'job_node',
      'job',
      'workspace_readiness',
      'workspace',
      'workspace_secret',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
