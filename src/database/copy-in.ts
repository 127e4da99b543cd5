import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';
import { PGliteSession } from './pglite-pool';

/** Rows are handed to the embedded PostgreSQL in chunks of about this size, cut at line ends. */
const EMBEDDED_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * The database refused a row of a COPY as malformed CSV (a field too many or
 * too few, an unclosed quote, bytes that are not UTF-8). `row` counts the
 * streamed rows from 1; `reason` is the database's message, which never
 * quotes the row.
 */
export class CopyRowError extends Error {
  override readonly name = 'CopyRowError';

  constructor(
    readonly reason: string,
    readonly row: number,
  ) {
    super(`row ${row}: ${reason}`);
  }
}

/**
 * Streams CSV rows (no header) into `COPY <target> FROM STDIN (FORMAT csv)`
 * on the connection of `manager`'s transaction. Memory stays flat: the
 * server gets the rows as they are read, and the embedded database gets
 * them in bounded chunks. A malformed row fails with a CopyRowError.
 */
export async function copyCsvInto(
  manager: EntityManager,
  target: string,
  rows: Readable,
): Promise<void> {
  const connection = (manager.queryRunner as unknown as { databaseConnection: unknown } | undefined)
    ?.databaseConnection;
  if (!connection) throw new Error('copyCsvInto needs a transaction');
  if (connection instanceof PGliteSession) {
    const sql = `COPY ${target} FROM '/dev/blob' (FORMAT csv)`;
    let rowsBefore = 0;
    await pipeline(
      rows,
      lineChunks(EMBEDDED_CHUNK_BYTES),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          connection.copyFromBlob(sql, chunk).then(
            () => {
              rowsBefore += countLines(chunk);
              done();
            },
            (error: unknown) => done(asCopyRowError(error, rowsBefore) as Error),
          );
        },
      }),
    );
    return;
  }
  try {
    await pipeline(
      rows,
      (connection as PoolClient).query(copyFrom(`COPY ${target} FROM STDIN (FORMAT csv)`)),
    );
  } catch (error) {
    throw asCopyRowError(error, 0);
  }
}

/** A database error placed on a row of the COPY ("COPY t, line 7…") as a CopyRowError. */
function asCopyRowError(error: unknown, rowsBefore: number): unknown {
  const where = (error as { where?: unknown } | null)?.where;
  const line = typeof where === 'string' ? /^COPY [^,]+, line (\d+)/.exec(where)?.[1] : undefined;
  if (!line) return error;
  return new CopyRowError((error as Error).message, rowsBefore + Number(line));
}

function countLines(chunk: Buffer): number {
  let lines = 0;
  for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
  return lines;
}

/** Re-chunks a byte stream into pieces of at least `size` bytes that end at a newline. */
function lineChunks(size: number): Transform {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= size) {
        const all = Buffer.concat(pending);
        const cut = all.lastIndexOf(0x0a) + 1;
        if (cut > 0) {
          this.push(all.subarray(0, cut));
          pending = [all.subarray(cut)];
          pendingBytes = all.length - cut;
        }
      }
      done();
    },
    flush(done) {
      if (pendingBytes > 0) this.push(Buffer.concat(pending));
      done();
    },
  });
}
