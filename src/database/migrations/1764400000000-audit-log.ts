import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The node's audit log. `seq` orders entries without gaps in meaning (a later
 * migration turns entries into Merkle leaves); the trigger makes the table
 * append-only for every role the application uses.
 */
export class AuditLog1764400000000 implements MigrationInterface {
  name = 'AuditLog1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        seq          bigserial PRIMARY KEY,
        occurred_at  timestamptz NOT NULL,
        request_id   text,
        channel      text NOT NULL CHECK (channel IN ('http', 'grpc', 'tls', 'internal')),
        actor_kind   text NOT NULL CHECK (actor_kind IN ('user', 'peer', 'anonymous', 'system')),
        actor_id     text,
        action       text NOT NULL,
        permit_id    text,
        outcome      text NOT NULL CHECK (outcome IN ('success', 'denied', 'invalid', 'error')),
        error_code   text,
        details      jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at)`);
    await q.query(
      `CREATE INDEX audit_log_permit ON audit_log (permit_id) WHERE permit_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX audit_log_actor ON audit_log (actor_kind, actor_id)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
