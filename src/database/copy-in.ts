import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';
import { PGliteSession } from './pglite-pool';

/** Rows are handed to the embedded PostgreSQL in chunks of about this size, cut at line ends. */
const EMBEDDED_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Streams CSV rows (no header) into `COPY <target> FROM STDIN (FORMAT csv)`
 * on the connection of `manager`'s transaction. Memory stays flat: the
 * server gets the rows as they are read, and the embedded database gets
 * them in bounded chunks.
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
    await pipeline(
      rows,
      lineChunks(EMBEDDED_CHUNK_BYTES),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          connection.copyFromBlob(sql, chunk).then(() => done(), done);
        },
      }),
    );
    return;
  }
  await pipeline(
    rows,
    (connection as PoolClient).query(copyFrom(`COPY ${target} FROM STDIN (FORMAT csv)`)),
  );
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
