import { EventEmitter } from 'node:events';
import { PGlite, types } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';

type Release = () => void;

const SESSION_WAIT_MS = 60_000;

/**
 * A `pg.Pool` look-alike over one PGlite instance, for TypeORM's postgres
 * driver. PGlite has a single session, so a client is lent to one query
 * runner at a time: a transaction never interleaves with other work.
 */
class PGlitePool extends EventEmitter {
  private queue: Promise<void> = Promise.resolve();
  private readonly session: PGliteSession;

  constructor(db: PGlite) {
    super();
    this.session = new PGliteSession(db);
  }

  connect(callback: (error: unknown, client: unknown, release: Release) => void): void {
    let release!: Release;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    let waited = false;
    // A query made outside a transaction while that transaction holds the
    // session would wait forever; fail it loudly instead.
    const timer = setTimeout(() => {
      waited = true;
      callback(
        new Error(`Waited ${SESSION_WAIT_MS / 1000} s for the embedded database session`),
        null,
        () => undefined,
      );
    }, SESSION_WAIT_MS);
    void previous.then(() => {
      clearTimeout(timer);
      if (waited) release();
      else callback(null, this.session, once(release));
    });
  }

  async end(callback?: (error?: unknown) => void): Promise<void> {
    await this.queue;
    callback?.();
  }
}

/** The client TypeORM's query runner holds; an EventEmitter like `pg.Client`. */
export class PGliteSession extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  /** Promise style, as TypeORM calls it; a callback is honoured too, as `pg` does. */
  query(sql: string, params?: unknown[] | Callback, callback?: Callback) {
    const cb = typeof params === 'function' ? params : callback;
    const values = Array.isArray(params) ? params : [];
    const result = this.run(sql, values);
    if (cb)
      result.then(
        (r) => cb(null, r),
        (error: unknown) => cb(error, undefined),
      );
    return result;
  }

  release(): void {}

  /** `COPY … FROM '/dev/blob'` of one chunk of rows: PGlite's form of COPY FROM STDIN. */
  async copyFromBlob(copySql: string, chunk: Buffer): Promise<void> {
    await this.db.query(copySql, [], { blob: new Blob([chunk]) });
  }

  private async run(sql: string, values: unknown[]) {
    const result =
      values.length > 0
        ? await this.db.query<Record<string, unknown>>(sql, values)
        : ((await this.db.exec(sql)).at(-1) ?? { rows: [], fields: [] });
    return {
      rows: result.rows,
      fields: result.fields,
      rowCount: result.affectedRows ?? result.rows.length,
      command: /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '',
    };
  }
}

type Callback = (error: unknown, result: unknown) => void;

function once(fn: Release): Release {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

/** Opens an embedded PostgreSQL whose values come back typed as `pg` returns them. */
export async function openPGlite(dataDir: string): Promise<PGlite> {
  const asText = (value: string) => value;
  return PGlite.create(dataDir, {
    parsers: { [types.INT8]: asText, [types.NUMERIC]: asText },
    extensions: { pgcrypto },
  });
}

/** The `driver` option of a TypeORM postgres DataSource backed by `db`. */
export function pgliteDriver(db: PGlite): { Pool: new () => PGlitePool } {
  return {
    Pool: class extends PGlitePool {
      constructor() {
        super(db);
      }
    },
  };
}
