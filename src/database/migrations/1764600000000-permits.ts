import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Permits, from the application (REQUESTED) to their end, as each node holds
 * them, and each participating HDAB's decision on its part.
 */
export class Permits1764600000000 implements MigrationInterface {
  name = 'Permits1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE permit (
        id               uuid PRIMARY KEY,
        lead             text NOT NULL,
        status           text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN',
                           'PREPARING', 'ACTIVE', 'SUSPENDED', 'ARCHIVED', 'DESTROYED')),
        application      jsonb NOT NULL,
        -- raised each time the applicant completes the application
        application_version integer NOT NULL DEFAULT 1,
        -- an HDAB's request to complete the application: what is missing, by when
        completion       jsonb,
        received_at      timestamptz NOT NULL,
        decision_due_at  timestamptz NOT NULL,
        jws              jsonb,
        valid_from       timestamptz,
        valid_until      timestamptz,
        concluded_at     timestamptz,
        version          integer NOT NULL DEFAULT 1,
        updated_at       timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX permit_status ON permit (status)`);
    await q.query(`
      CREATE TABLE permit_decision (
        permit_id    uuid NOT NULL REFERENCES permit (id),
        node_id      text NOT NULL,
        outcome      text NOT NULL CHECK (outcome IN ('PENDING', 'APPROVED', 'REJECTED')),
        reason       text,
        decided_by   text,
        decided_at   timestamptz,
        -- at the lead: the application reached that node; at a participant: its decision reached the lead
        delivered    boolean NOT NULL DEFAULT false,
        PRIMARY KEY (permit_id, node_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE permit_decision`);
    await q.query(`DROP TABLE permit`);
  }
}
