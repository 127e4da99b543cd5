import { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY = [
  'audit_leaf',
  'audit_subtree',
  'audit_tree_head',
  'audit_peer_head',
  'audit_alert',
] as const;

/**
 * The audit log as an RFC 6962 Merkle tree (ADR 9). Writers still only
 * insert into `audit_log`; each row now carries its transaction's id, so a
 * background step can give committed entries their place in the tree
 * (`audit_leaf`) in an order that never changes, and keep the hash of every
 * complete subtree (`audit_subtree`) for proofs. The node's signed tree
 * heads, the heads it fetched from its peers and the alerts they raised are
 * kept beside them. Every table of the tree is append-only, as the log is.
 */
export class AuditTree1764800000000 implements MigrationInterface {
  name = 'AuditTree1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // Evaluated once here (a stable function): every earlier entry counts as of this transaction.
    await q.query(
      `ALTER TABLE audit_log ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id()`,
    );
    await q.query(`CREATE INDEX audit_log_xid ON audit_log (xid, seq)`);
    await q.query(`
      CREATE TABLE audit_leaf (
        leaf_index  bigint PRIMARY KEY,
        seq         bigint NOT NULL UNIQUE REFERENCES audit_log (seq),
        leaf_hash   bytea NOT NULL CHECK (length(leaf_hash) = 32)
      )`);
    await q.query(`
      CREATE TABLE audit_subtree (
        -- the 2^level leaves from position * 2^level; level 0 is audit_leaf
        level     smallint NOT NULL CHECK (level BETWEEN 1 AND 62),
        position  bigint NOT NULL,
        hash      bytea NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (level, position)
      )`);
    await q.query(`
      CREATE TABLE audit_tree_state (
        singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        -- every entry of a transaction below this id is in the tree
        xid_floor  xid8 NOT NULL
      )`);
    await q.query(`INSERT INTO audit_tree_state (xid_floor) VALUES ('0')`);
    await q.query(`
      CREATE TABLE audit_tree_head (
        id         bigserial PRIMARY KEY,
        tree_size  bigint NOT NULL,
        root_hash  bytea NOT NULL,
        signed_at  timestamptz NOT NULL,
        jws        text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_peer_head (
        id           bigserial PRIMARY KEY,
        node_id      text NOT NULL,
        tree_size    bigint NOT NULL,
        root_hash    bytea NOT NULL,
        signed_at    timestamptz NOT NULL,
        jws          text NOT NULL,
        received_at  timestamptz NOT NULL,
        -- proven here to extend every earlier head of that node held here
        consistent   boolean NOT NULL,
        UNIQUE (node_id, tree_size, root_hash)
      )`);
    await q.query(
      `CREATE INDEX audit_peer_head_latest ON audit_peer_head (node_id, tree_size) WHERE consistent`,
    );
    await q.query(`
      CREATE TABLE audit_alert (
        id            bigserial PRIMARY KEY,
        node_id       text NOT NULL,
        kind          text NOT NULL CHECK (kind IN ('inconsistent', 'fork', 'rollback')),
        detected_at   timestamptz NOT NULL,
        held_head_id  bigint NOT NULL REFERENCES audit_peer_head (id),
        -- one alert per offending head, however many replicas noticed it
        new_head_id   bigint NOT NULL UNIQUE REFERENCES audit_peer_head (id)
      )`);
    await q.query(`
      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of APPEND_ONLY) {
      await q.query(`
        CREATE TRIGGER ${table}_no_update_or_delete BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION audit_append_only()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_alert',
      'audit_peer_head',
      'audit_tree_head',
      'audit_tree_state',
      'audit_subtree',
      'audit_leaf',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION audit_append_only()`);
    await q.query(`DROP INDEX audit_log_xid`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN xid`);
  }
}
