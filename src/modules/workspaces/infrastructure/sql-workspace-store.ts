import type { OutputRules } from '../../analysis/domain/analysis-kind';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import { quoteIdent } from '../../analysis/domain/sql';
import { Readiness, WorkspaceStore } from '../application/workspace-store.port';
import {
  Workspace,
  WorkspaceInventory,
  workspaceSchemaOf,
  WorkspaceTableInfo,
} from '../domain/workspace';

interface WorkspaceRow {
  permit_id: string;
  status: Workspace['status'];
  schema_name: string | null;
  tables: WorkspaceTableInfo[];
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
  ready_at: Date | null;
  reported: boolean;
}

@Injectable()
export class SqlWorkspaceStore extends WorkspaceStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async build(
    permitId: string,
    schema: string,
    tables: readonly WorkspaceTableInfo[],
    now: Date,
    tx: Transaction,
  ): Promise<void> {
    const manager = managerOf(this.dataSource, tx);
    await manager.query(
      `INSERT INTO workspace_secret (permit_id, secret, created_at) VALUES ($1, gen_random_bytes(32), $2)`,
      [permitId, now],
    );
    await manager.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    for (const table of tables) {
      const target = `${quoteIdent(schema)}.${quoteIdent(table.dataset)}`;
      const columns = table.columns.map((c) => quoteIdent(c.name));
      await manager.query(
        `CREATE TABLE ${target} AS SELECT ''::bytea AS pseudonym, ${columns.join(', ')}
         FROM datasets.${quoteIdent(table.dataset)} WITH NO DATA`,
      );
      await manager.query(
        `INSERT INTO ${target}
         SELECT hmac(convert_to(d.person_id::text, 'UTF8'), s.secret, 'sha256'), ${columns.map((c) => `d.${c}`).join(', ')}
         FROM datasets.${quoteIdent(table.dataset)} d
         CROSS JOIN (SELECT secret FROM workspace_secret WHERE permit_id = $1) s`,
        [permitId],
      );
      await manager.query(`ALTER TABLE ${target} ADD PRIMARY KEY (pseudonym)`);
    }
    await manager.query(
      `INSERT INTO workspace (permit_id, status, schema_name, tables, attempts, ready_at, updated_at)
       VALUES ($1, 'READY', $2, $3, 1, $4, $4)
       ON CONFLICT (permit_id) DO UPDATE SET status = 'READY', schema_name = $2, tables = $3,
         attempts = workspace.attempts + 1, last_error = NULL, next_attempt_at = NULL, ready_at = $4, updated_at = $4`,
      [permitId, schema, JSON.stringify(tables), now],
    );
  }

  async vacuum(schema: string, tables: readonly WorkspaceTableInfo[]): Promise<void> {
    for (const table of tables) {
      await this.dataSource.query(
        `VACUUM (FREEZE, ANALYZE) ${quoteIdent(schema)}.${quoteIdent(table.dataset)}`,
      );
    }
  }

  async get(permitId: string, tx?: Transaction): Promise<Workspace | undefined> {
    const [row] = (await managerOf(this.dataSource, tx).query(
      `SELECT * FROM workspace WHERE permit_id = $1`,
      [permitId],
    )) as WorkspaceRow[];
    return row && toWorkspace(row);
  }

  async recordFailure(
    permitId: string,
    error: string,
    nextAttemptAt: Date,
    now: Date,
    tx: Transaction,
  ): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO workspace (permit_id, status, attempts, last_error, next_attempt_at, updated_at)
       VALUES ($1, 'FAILED', 1, $2, $3, $4)
       ON CONFLICT (permit_id) DO UPDATE SET attempts = workspace.attempts + 1, last_error = $2,
         next_attempt_at = $3, updated_at = $4
       WHERE workspace.status = 'FAILED'`,
      [permitId, error, nextAttemptAt, now],
    );
  }

  async markReported(permitId: string): Promise<void> {
    await this.dataSource.query(`UPDATE workspace SET reported = true WHERE permit_id = $1`, [
      permitId,
    ]);
  }

  async recordReadiness(
    permitId: string,
    node: string,
    tables: readonly WorkspaceTableInfo[],
    outputRules: OutputRules,
    now: Date,
    tx: Transaction,
  ): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO workspace_readiness (permit_id, node_id, tables, output_rules, ready_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (permit_id, node_id) DO UPDATE SET tables = $3, output_rules = $4`,
      [permitId, node, JSON.stringify(tables), JSON.stringify(outputRules), now],
    );
  }

  async readiness(permitId: string, tx?: Transaction): Promise<Readiness[]> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `SELECT node_id, tables, output_rules, activated FROM workspace_readiness
       WHERE permit_id = $1 ORDER BY node_id`,
      [permitId],
    )) as {
      node_id: string;
      tables: WorkspaceTableInfo[];
      output_rules: OutputRules | null;
      activated: boolean;
    }[];
    return rows.map((r) => ({
      node: r.node_id,
      tables: r.tables,
      ...(r.output_rules && { outputRules: r.output_rules }),
      activated: r.activated,
    }));
  }

  async markActivated(permitId: string, node: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE workspace_readiness SET activated = true WHERE permit_id = $1 AND node_id = $2`,
      [permitId, node],
    );
  }

  async archive(permitId: string, now: Date, tx: Transaction): Promise<boolean> {
    const manager = managerOf(this.dataSource, tx);
    const [row] = (await manager.query(
      `WITH changed AS (
         UPDATE workspace SET status = 'ARCHIVED', updated_at = $2
         WHERE permit_id = $1 AND status = 'READY' RETURNING schema_name)
       SELECT schema_name FROM changed`,
      [permitId, now],
    )) as { schema_name: string }[];
    if (!row) return false;
    for (const table of await this.tablesOf(row.schema_name, tx)) {
      await manager.query(
        `CREATE TRIGGER workspace_read_only
         BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${quoteIdent(row.schema_name)}.${quoteIdent(table)}
         FOR EACH STATEMENT EXECUTE FUNCTION workspace_read_only()`,
      );
    }
    return true;
  }

  async inventory(permitId: string, tx: Transaction): Promise<WorkspaceInventory> {
    const manager = managerOf(this.dataSource, tx);
    const schema = workspaceSchemaOf(permitId);
    const exists = (await manager.query(
      `SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`,
      [schema],
    )) as unknown[];
    const tables: { name: string; rows: number }[] = [];
    if (exists.length > 0) {
      for (const name of await this.tablesOf(schema, tx)) {
        const [{ rows }] = (await manager.query(
          `SELECT count(*) AS rows FROM ${quoteIdent(schema)}.${quoteIdent(name)}`,
        )) as [{ rows: string | number }];
        tables.push({ name, rows: Number(rows) });
      }
    }
    const [secret] = (await manager.query(
      `SELECT id, created_at FROM workspace_secret WHERE permit_id = $1`,
      [permitId],
    )) as { id: string; created_at: Date }[];
    return {
      ...(exists.length > 0 ? { schema } : {}),
      tables,
      ...(secret ? { secret: { id: secret.id, createdAt: secret.created_at.toISOString() } } : {}),
    };
  }

  async destroy(permitId: string, now: Date, tx: Transaction): Promise<void> {
    const manager = managerOf(this.dataSource, tx);
    await manager.query(`DROP SCHEMA IF EXISTS ${quoteIdent(workspaceSchemaOf(permitId))} CASCADE`);
    await manager.query(`DELETE FROM workspace_secret WHERE permit_id = $1`, [permitId]);
    await manager.query(
      `UPDATE workspace SET status = 'DESTROYED', next_attempt_at = NULL, updated_at = $2
       WHERE permit_id = $1`,
      [permitId, now],
    );
  }

  private async tablesOf(schema: string, tx: Transaction): Promise<string[]> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    )) as { table_name: string }[];
    return rows.map((r) => r.table_name);
  }
}

function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    permitId: row.permit_id,
    status: row.status,
    schema: row.schema_name ?? undefined,
    tables: row.tables,
    attempts: row.attempts,
    lastError: row.last_error ?? undefined,
    nextAttemptAt: row.next_attempt_at ?? undefined,
    readyAt: row.ready_at ?? undefined,
    reported: row.reported,
  };
}
